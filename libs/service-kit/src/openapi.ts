import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { ZodTypeAny } from 'zod';
import { isIsoDateTime } from '@hypercare/domain-kit';
import { ignoreOverride, zodToJsonSchema } from 'zod-to-json-schema';
import { PUBLIC_EXTENSION } from './public-route';

type JsonSchema = Record<string, unknown>;

// zod-to-json-schema's generic signature makes the compiler recurse without end on large schemas.
const convert = zodToJsonSchema as (
  schema: unknown,
  options: {
    target: 'openApi3';
    $refStrategy: 'none';
    pipeStrategy: 'input';
    override: (def: unknown) => unknown;
  },
) => JsonSchema;

/** The OpenAPI 3 schema of a zod schema: request bodies are documented from the very schema that validates them. */
export const openApiSchema = (schema: ZodTypeAny): JsonSchema =>
  convert(schema, {
    target: 'openApi3',
    $refStrategy: 'none',
    pipeStrategy: 'input',
    override: (def) => (isIsoDateTime(def) ? { type: 'string', format: 'date-time' } : ignoreOverride),
  });

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      description: 'Every invalid field (400 only)',
      items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
    currentState: { type: 'string', description: 'Illegal transitions: the state the resource is in' },
    allowed: {
      type: 'array',
      items: { type: 'string' },
      description: 'Illegal transitions: the commands that state accepts',
    },
  },
};

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: `errors` names every bad field',
  401: 'No credentials, or credentials that identify no one (the detail and WWW-Authenticate say why)',
  403: 'The caller is known but may not do this',
  404: 'No such resource',
  409: 'Illegal transition (with the current state and the allowed commands) or a concurrent change',
  410: 'It existed but is no longer available (e.g. a survey link that expired)',
  413: 'The body is larger than this operation accepts (the limit is named)',
  415: 'The body is not application/json',
  429: 'Too many requests from this caller or address: the detail names the limit, Retry-After says when to try again',
};

/** The problem document (RFC 9457) an operation answers with `status`. */
export const problemResponse = (status: number) => ({
  status,
  description: PROBLEM_DESCRIPTIONS[status] ?? `HTTP ${status}`,
  content: { 'application/problem+json': { schema: problemSchema as never } },
});

/** Documents a success response (from the zod schema of what the handler returns) and the RFC 9457 problems an operation can answer. */
export const ApiOutcomes = (
  success: { status: number; description: string; schema?: ZodTypeAny },
  ...problems: number[]
) =>
  applyDecorators(
    ApiResponse({
      status: success.status,
      description: success.description,
      ...(success.schema ? { schema: openApiSchema(success.schema) as never } : {}),
    }),
    ...problems.map((status) => ApiResponse(problemResponse(status))),
  );

/** How callers authenticate, as every document declares it. */
export const SECURITY_SCHEMES = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description:
      "A token of the platform's identity provider (people), or an API key as a bearer value (machines)",
  },
  apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'An API key (machines)' },
  signingKeyId: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Hypercare-Key-Id',
    description: 'A signed request: the id of the API key whose signing secret signed it (docs/security.md)',
  },
  signingTimestamp: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Hypercare-Timestamp',
    description: 'A signed request: when it was signed, Unix seconds; refused beyond 300 s from now',
  },
  signature: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Hypercare-Signature',
    description:
      "A signed request: hex HMAC-SHA256 of '<timestamp>:<body>' under the key's signing secret (or in X-Grafana-Alerting-Signature)",
  },
} as const;

type Operation = { security?: unknown; responses?: Record<string, unknown>; [PUBLIC_EXTENSION]?: boolean };

/**
 * Declares authentication on every operation of a document: the schemes, and on each
 * operation not marked public the requirement and its 401 answer. Derived from the routes'
 * own decorators, so an operation added later is documented (and probed) without anyone
 * remembering to.
 */
export const withSecurity = <D extends { paths: object; components?: object }>(document: D): D => {
  const { status: _status, ...unauthenticated } = problemResponse(401);
  const { status: _limited, ...tooMany } = problemResponse(429);
  for (const item of Object.values(document.paths) as Array<Record<string, Operation>>)
    for (const operation of Object.values(item)) {
      if (operation[PUBLIC_EXTENSION]) {
        operation.security = [];
        continue;
      }
      operation.security = [
        { bearer: [] },
        { apiKey: [] },
        { signingKeyId: [], signingTimestamp: [], signature: [] },
      ];
      operation.responses = { ...operation.responses, 401: unauthenticated, 429: tooMany };
    }
  return {
    ...document,
    components: { ...document.components, securitySchemes: SECURITY_SCHEMES },
  };
};
