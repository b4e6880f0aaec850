import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { documentOperation } from '@hypercare/service-kit';
import type { Request } from 'express';

/** The header a caller may set to tie its requests into one causal chain. */
const CORRELATION_HEADER = 'x-correlation-id';

/** The header that makes a retried submission safe. */
const IDEMPOTENCY_HEADER = 'idempotency-key';

const header = createParamDecorator((name: string, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<Request>().headers[name];
  return Array.isArray(value) ? value[0] : value;
});

/**
 * An optional request header, read and documented by one decorator: Nest's `@Headers()` would
 * document every header it reads as required, which these are not.
 */
const optionalHeader =
  (name: string, documented: string, description: string): ParameterDecorator =>
  (target, key, index) => {
    header(name)(target, key, index);
    documentOperation(target, key, ApiHeader({ name: documented, required: false, description }));
  };

/** `X-Correlation-Id`: the events the request causes carry it (a new one when absent or longer than 200). */
export const CorrelationId = (): ParameterDecorator =>
  optionalHeader(
    CORRELATION_HEADER,
    'X-Correlation-Id',
    'Ties this request into a causal chain: every event it causes carries it (a new id when absent or over 200 characters)',
  );

/** `Idempotency-Key`: a retry with the same key returns the first answer. */
export const IdempotencyKey = (description: string): ParameterDecorator =>
  optionalHeader(IDEMPOTENCY_HEADER, 'Idempotency-Key', description);
