import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { ZodTypeAny } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';

type JsonSchema = Record<string, unknown>;

// zod-to-json-schema's generic signature makes the compiler recurse without end on large schemas.
const convert = zodToJsonSchema as (
  schema: unknown,
  options: { target: 'openApi3'; $refStrategy: 'none'; pipeStrategy: 'input' },
) => JsonSchema;

/** The OpenAPI 3 schema of a zod schema: request bodies are documented from the very schema that validates them. */
export const openApiSchema = (schema: ZodTypeAny): JsonSchema =>
  convert(schema, { target: 'openApi3', $refStrategy: 'none', pipeStrategy: 'input' });

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
  404: 'No such resource',
  409: 'Illegal transition (with the current state and the allowed commands) or a concurrent change',
  413: 'The body is larger than this operation accepts (the limit is named)',
  415: 'The body is not application/json',
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
