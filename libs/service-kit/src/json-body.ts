import {
  createParamDecorator,
  type ExecutionContext,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiBody, ApiResponse } from '@nestjs/swagger';
import { parseRequest } from '@hypercare/domain-kit';
import type { Request } from 'express';
import { ZodObject, type ZodTypeAny } from 'zod';
import { documentOperation } from './document-operation';
import { openApiSchema, problemResponse } from './openapi';

const KB = 1024;

/**
 * How large a body each kind of operation takes. A command carries at most a few texts of
 * 10,000 characters; a report a long description and up to fifty steps; a period definition
 * its roster and matrices. Each is several times what its contract allows at four bytes a
 * character, so only a body no valid request could fill is refused.
 */
export const BODY_LIMITS = { command: 128 * KB, definition: 512 * KB, report: 1024 * KB } as const;

/** What the JSON parser reads at most: the largest route limit, refused before anything is parsed. */
export const MAX_BODY_BYTES = Math.max(...Object.values(BODY_LIMITS));

const JSON_MEDIA_TYPE = 'application/json';

interface BodySpec {
  schema: ZodTypeAny;
  limit: number;
}

const readBody = createParamDecorator(({ schema, limit }: BodySpec, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<Request & { rawBody?: Buffer }>();
  if (!request.is(JSON_MEDIA_TYPE)) {
    const sent = request.headers['content-type'];
    throw new UnsupportedMediaTypeException(
      `Send the body as ${JSON_MEDIA_TYPE} (${sent ? `Content-Type was ${sent}` : 'no Content-Type was sent'})`,
    );
  }
  const size = request.rawBody?.length ?? 0;
  if (size > limit)
    throw new PayloadTooLargeException(
      `The body is ${size} bytes; this operation accepts at most ${limit} bytes (${limit / KB} KB)`,
    );
  return parseRequest(schema, request.body);
});

/** A body that lets unknown fields through: a third party's payload (a webhook), which may grow fields. */
const isOpen = (schema: ZodTypeAny): boolean =>
  schema instanceof ZodObject && schema._def.unknownKeys === 'passthrough';

/**
 * The request body, validated by `schema` and documented from it: JSON only (else 415), at
 * most `limit` bytes (else 413), every invalid field named (else 400), and every unknown one
 * unless the schema lets them through.
 */
export const JsonBody =
  (schema: ZodTypeAny, limit: number = BODY_LIMITS.command): ParameterDecorator =>
  (target, key, index) => {
    readBody({ schema, limit })(target, key, index);
    documentOperation(
      target,
      key,
      ApiBody({
        schema: openApiSchema(schema) as never,
        description: `${JSON_MEDIA_TYPE}, at most ${limit / KB} KB; unknown fields are ${isOpen(schema) ? 'let through' : 'refused'}`,
      }),
      ApiResponse(problemResponse(413)),
      ApiResponse(problemResponse(415)),
    );
  };
