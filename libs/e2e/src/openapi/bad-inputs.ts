import type { OpenAPIV3 } from 'openapi-types';

/** What one probe sends and what it must get back. */
export interface BadInput {
  name: string;
  contentType?: string;
  body: string | Uint8Array;
  status: number;
  /** A field the problem's `errors` must name (400s). */
  field?: string;
  /** Text the problem's `detail` must contain. */
  detail?: string;
}

const KB = 1024;

/** The body limit an operation documents ("at most N KB"). */
export const documentedLimit = (operation: OpenAPIV3.OperationObject): number | undefined => {
  const body = operation.requestBody as OpenAPIV3.RequestBodyObject | undefined;
  const match = /at most (\d+) KB/.exec(body?.description ?? '');
  return match ? Number(match[1]) * KB : undefined;
};

/** How an operation that does not read JSON by its limit refuses a body it cannot take: 415, or 401 before it reads anything. */
const documentedRefusal = (operation: OpenAPIV3.OperationObject): number =>
  operation.responses['415'] ? 415 : 401;

const bodySchema = (operation: OpenAPIV3.OperationObject): OpenAPIV3.SchemaObject | undefined => {
  const body = operation.requestBody as OpenAPIV3.RequestBodyObject | undefined;
  return body?.content['application/json']?.schema as OpenAPIV3.SchemaObject | undefined;
};

/** Whether the operation documents that it refuses unknown fields (a webhook's lets them through). */
const refusesUnknownFields = (operation: OpenAPIV3.OperationObject): boolean => {
  const body = operation.requestBody as OpenAPIV3.RequestBodyObject | undefined;
  return !/unknown fields are let through/.test(body?.description ?? '');
};

/** A top-level string field of the body, where a bad string goes; else a made-up one. */
const stringField = (operation: OpenAPIV3.OperationObject): string =>
  Object.entries(bodySchema(operation)?.properties ?? {}).find(
    ([, schema]) => (schema as OpenAPIV3.SchemaObject).type === 'string',
  )?.[0] ?? 'probeText';

const json = (value: unknown): string => JSON.stringify(value);

/**
 * Every bad input of the front door's list, for one operation that takes a JSON body of a
 * documented limit: each must answer a 4xx problem document and write nothing. An operation
 * that reads its body another way (a raw mail, a chat platform's signed payload) gets what
 * every body can be probed with: a text/plain body, which must be refused with a 4xx it
 * documents (415, or 401 where the body's signature is checked first).
 */
export const badInputsFor = (operation: OpenAPIV3.OperationObject): BadInput[] => {
  const limit = documentedLimit(operation);
  if (limit === undefined)
    return [
      {
        name: 'a text/plain body',
        contentType: 'text/plain',
        body: '{}',
        status: documentedRefusal(operation),
      },
    ];
  const field = stringField(operation);
  const inputs: BadInput[] = [
    {
      name: 'a body one byte over its documented limit',
      contentType: 'application/json',
      body: json({ pad: 'x'.repeat(limit + 1 - json({ pad: '' }).length) }),
      status: 413,
      detail: `at most ${limit} bytes`,
    },
    {
      name: 'a body over the largest limit of any operation',
      contentType: 'application/json',
      body: json({ pad: 'x'.repeat(2 * KB * KB) }),
      status: 413,
    },
    {
      name: 'a text/plain body',
      contentType: 'text/plain',
      body: '{}',
      status: 415,
      detail: 'application/json',
    },
    { name: 'a body with no content type', body: new TextEncoder().encode('{}'), status: 415 },
    { name: 'malformed JSON', contentType: 'application/json', body: '{"by":', status: 400 },
    {
      name: `a NUL character in ${field}`,
      contentType: 'application/json',
      body: json({ [field]: 'abc\u0000def' }),
      status: 400,
      field,
    },
    {
      name: `a lone surrogate in ${field}`,
      contentType: 'application/json',
      body: json({ [field]: 'ab\ud800cd' }),
      status: 400,
      field,
    },
  ];
  if (refusesUnknownFields(operation))
    inputs.push({
      name: 'an unknown field',
      contentType: 'application/json',
      body: json({ probeUnknownField: 1 }),
      status: 400,
      field: 'probeUnknownField',
    });
  if (bodySchema(operation)?.properties?.['attachments'])
    for (const link of ['javascript:alert(1)', 'file:///etc/passwd'])
      inputs.push({
        name: `an attachment ${link}`,
        contentType: 'application/json',
        body: json({ attachments: [link] }),
        status: 400,
        field: 'attachments[0]',
      });
  return inputs;
};
