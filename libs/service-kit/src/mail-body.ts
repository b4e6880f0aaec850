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

/** The media type of a whole mail message, as relays and `sendmail`-style pipes hand it over. */
export const MAIL_MEDIA_TYPE = 'message/rfc822';

/** The largest mail taken: what the common providers let through, attachments included. */
export const MAX_MAIL_BYTES = 25 * 1024 * 1024;

const readMail = createParamDecorator((_: unknown, context: ExecutionContext): Buffer => {
  const request = context.switchToHttp().getRequest<Request>();
  if (!request.is(MAIL_MEDIA_TYPE)) {
    const sent = request.headers['content-type'];
    throw new UnsupportedMediaTypeException(
      `Send the raw message as ${MAIL_MEDIA_TYPE} (${sent ? `Content-Type was ${sent}` : 'no Content-Type was sent'})`,
    );
  }
  const body: unknown = request.body;
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new BadRequestException(
      'The body is empty: send the whole message, headers and body, as it arrived',
    );
  return body;
});

/**
 * The request body as a raw mail message (RFC 5322 bytes, read as they came, up to
 * MAX_MAIL_BYTES: else 413), documented as such; any other media type is refused (415).
 */
export const MailBody = (): ParameterDecorator => (target, key, index) => {
  readMail()(target, key, index);
  documentOperation(
    target,
    key,
    ApiConsumes(MAIL_MEDIA_TYPE),
    ApiBody({
      schema: { type: 'string', format: 'binary' },
      description: `The message as it arrived (headers and body), at most ${MAX_MAIL_BYTES / 1024 / 1024} MB`,
    }),
    ApiResponse(problemResponse(413)),
    ApiResponse(problemResponse(415)),
  );
};
