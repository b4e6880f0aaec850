import { describeWith } from '@hypercare/testing';
import fc from 'fast-check';
import { AllInOneOnPostgres } from './all-in-one-on-postgres.fixture';
import { OpenApiConformance } from './openapi/openapi-conformance';

const RUNS_PER_OPERATION = 30;

/** A path segment as sent, encoded: a lone surrogate has no encoding, so it goes as the bytes it would be. */
const encoded = (value: string): string => {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
};

/** Path segments a client might send: any characters (NUL and surrogates too), traversal, broken encodings, huge ones. */
const pathValue = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map(encoded),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map(encoded),
  fc.constantFrom(
    '..',
    '%2e%2e',
    '%00',
    'a%00b',
    '%ZZ',
    '%F0%9F',
    '%ED%A0%80',
    'null',
    '-1',
    '%20',
    'a'.repeat(5_000),
  ),
);

const body = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{', '[]', 'null', '{"by": null}', '{"__proto__": {"admin": true}}', '{"constructor": {}}'),
);

const query = fc.dictionary(
  fc.constantFrom(
    'limit',
    'cursor',
    'sort',
    'status',
    'priority',
    'minPosition',
    'minVersion',
    'projection',
    'x',
  ),
  fc.string({ maxLength: 30 }),
  { maxKeys: 3 },
);

/**
 * A fuzz corpus from the OpenAPI document: every operation gets random path values, query
 * strings and bodies (JSON of any shape, and text that is not JSON) from a platform admin, who
 * gets past every access rule. No answer may be a 5xx, every 4xx is a problem document, and
 * nothing is written: no random request names something that exists.
 */
describeWith('postgres')('every operation fuzzed from the OpenAPI document', () => {
  let platform: AllInOneOnPostgres;
  let operations: ReturnType<OpenApiConformance['all']>;

  beforeAll(async () => {
    platform = await AllInOneOnPostgres.start('fuzz', {
      LOG_LEVEL: 'fatal',
      RATE_LIMIT_PER_PRINCIPAL: '1000000',
    });
    operations = new OpenApiConformance(await platform.openApi())
      .all()
      .filter(({ template }) => !template.endsWith('/test-clock'));
  }, 90_000);

  afterAll(() => platform?.stop());

  it('answers no random request with a 5xx, every 4xx with a problem document, and writes nothing', async () => {
    const before = await platform.eventsWritten();
    for (const { method, template, operation } of operations) {
      const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
      await fc.assert(
        fc.asyncProperty(
          fc.array(pathValue, { minLength: names.length, maxLength: names.length }),
          query,
          body,
          async (values, parameters, text) => {
            let path = template;
            names.forEach((name, i) => (path = path.replace(`{${name}}`, () => values[i] as string)));
            const search = new URLSearchParams(parameters).toString();
            const response = await fetch(`${platform.base}${path}${search ? `?${search}` : ''}`, {
              method: method.toUpperCase(),
              headers: {
                'x-api-key': platform.adminKey,
                ...(operation.requestBody ? { 'content-type': 'application/json' } : {}),
              },
              body: operation.requestBody ? text : undefined,
            });
            const answer = await response.text();
            const where = `${method.toUpperCase()} ${path}: ${response.status} ${answer.slice(0, 300)}`;
            if (response.status >= 500) throw new Error(where);
            if (response.status >= 400) {
              if (response.headers.get('content-type')?.split(';')[0] !== 'application/problem+json')
                throw new Error(`not a problem document: ${where}`);
              const problem = JSON.parse(answer) as { status?: number; type?: string };
              if (problem.status !== response.status || !problem.type)
                throw new Error(`malformed problem: ${where}`);
            }
          },
        ),
        { numRuns: RUNS_PER_OPERATION, seed: Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31) },
      );
    }
    expect(await platform.eventsWritten()).toBe(before);
  }, 600_000);
});
