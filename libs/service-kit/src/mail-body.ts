import {
  BadRequestException,
  createParamDecorator,
  type ExecutionContext,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { documentOperation } from './document-operation';
import { problemResponse } from './openapi';
import {
  FORM_MEDIA_TYPE,
  MAIL_MEDIA_TYPE,
  MAX_MAIL_BYTES,
  RAW_MESSAGE_FIELDS,
  type RelayedBody,
  RelayedMailPipe,
} from './relayed-mail';

const readMail = createParamDecorator((_: unknown, context: ExecutionContext): RelayedBody => {
  const request = context.switchToHttp().getRequest<Request>();
  if (!request.is(MAIL_MEDIA_TYPE) && !request.is(FORM_MEDIA_TYPE)) {
    const sent = request.headers['content-type'];
    throw new UnsupportedMediaTypeException(
      `Send the raw message as ${MAIL_MEDIA_TYPE}, or as ${FORM_MEDIA_TYPE} with it in the field ${RAW_MESSAGE_FIELDS.join(' or ')} (${sent ? `Content-Type was ${sent}` : 'no Content-Type was sent'})`,
    );
  }
  const body: unknown = request.body;
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new BadRequestException(
      'The body is empty: send the whole message, headers and body, as it arrived',
    );
  return { contentType: String(request.headers['content-type']), body };
});

/**
 * The request body as a raw mail message (RFC 5322 bytes, read as they came, up to
 * MAX_MAIL_BYTES: else 413): posted as it is, or in the form of a relay's inbound-parse
 * webhook; documented as such; any other media type is refused (415).
 */
export const MailBody = (): ParameterDecorator => (target, key, index) => {
  readMail(undefined, new RelayedMailPipe())(target, key, index);
  documentOperation(
    target,
    key,
    ApiConsumes(MAIL_MEDIA_TYPE, FORM_MEDIA_TYPE),
    ApiBody({
      schema: { type: 'string', format: 'binary' },
      description: `The message as it arrived (headers and body), at most ${MAX_MAIL_BYTES / 1024 / 1024} MB; or an inbound-parse form with it in the field ${RAW_MESSAGE_FIELDS.join(' or ')}`,
    }),
    ApiResponse(problemResponse(413)),
    ApiResponse(problemResponse(415)),
  );
};
