import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { parseRequest } from '@hypercare/domain-kit';
import type { Request } from 'express';
import type { AnyZodObject, ZodTypeAny } from 'zod';
import { documentOperation } from './document-operation';
import { openApiSchema } from './openapi';

// Wrapped: Nest takes a bare argument with a `transform` method, as a zod schema has, for a pipe.
const readQuery = createParamDecorator(({ schema }: { schema: AnyZodObject }, context: ExecutionContext) =>
  parseRequest(schema, context.switchToHttp().getRequest<Request>().query),
);

/**
 * The query string, validated by `schema` and documented from it, one parameter per field
 * (required unless optional or defaulted): every invalid or unknown parameter is named (400).
 */
export const ValidQuery =
  (schema: AnyZodObject): ParameterDecorator =>
  (target, key, index) => {
    readQuery({ schema })(target, key, index);
    documentOperation(
      target,
      key,
      ...Object.entries(schema.shape as Record<string, ZodTypeAny>).map(([name, field]) =>
        ApiQuery({
          name,
          required: !field.isOptional(),
          schema: openApiSchema(field) as never,
          ...(field.description ? { description: field.description } : {}),
        }),
      ),
    );
  };
