import type { Exchange } from '@hypercare/client';
import type { OpenAPIV3 } from 'openapi-types';
import OpenAPIResponseValidator from 'openapi-response-validator';

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';

export interface DocumentedOperation {
  method: Method;
  /** The path template, e.g. `/tickets/{ticketId}/triage`. */
  template: string;
  /** With the platform's extensions: who may call it (`x-hypercare-access`), or that anyone may (`x-hypercare-public`). */
  operation: OpenAPIV3.OperationObject<{
    'x-hypercare-public'?: boolean;
    'x-hypercare-access'?: {
      permission: string;
      scope: 'platform' | 'programme' | 'period' | 'resource' | 'answer' | 'listed' | 'person';
    };
  }>;
}

const templateMatcher = (template: string): RegExp =>
  new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^/}]+\}/g, '[^/]+')}$`);

/**
 * OpenAPI 3.0 writes an exclusive bound as a flag beside the bound (`minimum: 0,
 * exclusiveMinimum: true`); the validator reads JSON Schema, where the bound is the number.
 */
const asJsonSchema = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(asJsonSchema);
  if (typeof value !== 'object' || value === null) return value;
  const schema = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asJsonSchema(item)]));
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof schema[flag] !== 'boolean') continue;
    if (schema[flag]) schema[flag] = schema[bound];
    else delete schema[flag];
    if (schema[flag] !== undefined) delete schema[bound];
  }
  return schema;
};

const mediaTypeOf = (contentType: string | null): string | undefined =>
  contentType?.split(';')[0]?.trim().toLowerCase();

/**
 * Holds real answers to an OpenAPI document: each exchange must be an operation the document
 * has, answered with a status it lists, in a media type it declares, with a body its schema
 * accepts. Every mismatch is described, so one run names them all.
 */
export class OpenApiConformance {
  private readonly operations: Array<DocumentedOperation & { matcher: RegExp }>;

  constructor(private readonly document: OpenAPIV3.Document) {
    this.operations = Object.entries(document.paths).flatMap(([template, item]) =>
      (['get', 'put', 'post', 'delete', 'patch'] as const).flatMap((method) => {
        const operation = item?.[method];
        return operation ? [{ method, template, operation, matcher: templateMatcher(template) }] : [];
      }),
    );
  }

  /** Every operation of the document. */
  all(): DocumentedOperation[] {
    return this.operations.map(({ method, template, operation }) => ({ method, template, operation }));
  }

  find(method: string, path: string): DocumentedOperation | undefined {
    const bare = path.split('?')[0] ?? path;
    return this.operations.find(
      (candidate) => candidate.method === method.toLowerCase() && candidate.matcher.test(bare),
    );
  }

  /** What is wrong with `exchange` by the document; empty when it conforms. `path` is relative to the document's paths. */
  problemsWith(exchange: Pick<Exchange, 'method' | 'path' | 'status' | 'contentType' | 'body'>): string[] {
    const where = `${exchange.method} ${exchange.path} -> ${exchange.status}`;
    const found = this.find(exchange.method, exchange.path);
    if (!found) return [`${where}: no such operation in the document`];
    const response = found.operation.responses[String(exchange.status)] as
      OpenAPIV3.ResponseObject | undefined;
    if (!response)
      return [`${where}: status not documented for ${found.method.toUpperCase()} ${found.template}`];
    const declared = Object.keys(response.content ?? {});
    if (exchange.body === undefined) return [];
    const mediaType = mediaTypeOf(exchange.contentType);
    if (!mediaType || !declared.includes(mediaType))
      return [
        `${where}: answered ${mediaType ?? 'no media type'}, documented ${declared.join(', ') || 'no body'}`,
      ];
    const failure = new OpenAPIResponseValidator({
      responses: asJsonSchema({ [String(exchange.status)]: response }) as never,
      components: asJsonSchema(this.document.components ?? {}) as never,
    }).validateResponse(exchange.status, exchange.body);
    return failure
      ? failure.errors.map(
          (error: { path?: string; message: string }) =>
            `${where}: ${error.path ?? ''} ${error.message} (${JSON.stringify(exchange.body).slice(0, 300)})`,
        )
      : [];
  }
}
