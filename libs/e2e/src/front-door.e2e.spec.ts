import { testAdminKey } from '@hypercare/auth/testing';
import { describeWith, eventually } from '@hypercare/testing';
import type { OpenAPIV3 } from 'openapi-types';
import { AllInOneOnPostgres } from './all-in-one-on-postgres.fixture';
import { badInputsFor } from './openapi/bad-inputs';
import { OpenApiConformance } from './openapi/openapi-conformance';
import { activePeriod, reportBody } from './scenario-steps';

const T0 = new Date('2030-05-06T08:00:00.000Z');

/**
 * The all-in-one platform probed as a black box from its own OpenAPI document: every
 * operation that takes a body gets every bad input of the list, so a new operation is probed
 * by itself; every answer must be a documented 4xx problem document, and nothing is written.
 */
describeWith('postgres')('the front door, probed from its OpenAPI document', () => {
  let platform: AllInOneOnPostgres;
  let conformance: OpenApiConformance;
  let ids: Record<string, string>;

  const call = async (
    method: string,
    path: string,
    contentType?: string,
    body?: string | Uint8Array,
    credentials: Record<string, string> = { 'x-api-key': platform.adminKey },
  ) => {
    const response = await fetch(`${platform.base}${path}`, {
      method,
      headers: { ...(contentType ? { 'content-type': contentType } : {}), ...credentials },
      body,
    });
    const challenge = response.headers.get('www-authenticate');
    const text = await response.text();
    return {
      method,
      path,
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
      challenge,
    };
  };
  const concrete = (template: string): string =>
    template.replace(
      /\{(\w+)\}/g,
      (_, name: string) => ids[name] ?? `00000000-0000-4000-8000-00000000000${name.length % 10}`,
    );

  beforeAll(async () => {
    // Slack set up, so its endpoints check signatures rather than answer that Slack is not here.
    platform = await AllInOneOnPostgres.start('front_door', {
      SLACK_SIGNING_SECRET: 'front-door-signing-secret',
    });
    conformance = new OpenApiConformance(await platform.openApi());
    const client = platform.admin;
    const seen: string[] = [];
    client.observe((exchange) =>
      seen.push(...conformance.problemsWith({ ...exchange, path: `/${exchange.service}${exchange.path}` })),
    );
    await client.call('triage', 'PUT', '/test-clock', { now: T0.toISOString() });
    const periodId = await activePeriod(client, T0);
    const { reportId } = await client.call<{ reportId: string }>(
      'intake',
      'POST',
      `/periods/${periodId}/reports`,
      reportBody(1),
    );
    await client.poll('triage', `/tickets/${reportId}`, (r) => r.status === 200);
    await client.poll('reporting', `/tickets/${reportId}`, (r) => r.status === 200);
    ids = { periodId, reportId, ticketId: reportId };
    // Teams set up for the period, so its endpoint checks signatures rather than answer that Teams is not here.
    await client.call('intake', 'PUT', `/periods/${periodId}/teams-channel`, {
      securityToken: Buffer.alloc(32, 7).toString('base64'),
    });
    // Reporting's first exit evaluation, recorded and heard by triage: the last write the set-up causes.
    await eventually(
      'the first exit evaluation, recorded and heard',
      async () => (await platform.eventsWritten('hypercare.exit.criterion-met.v1')) === 2,
    );
    expect(seen).toEqual([]);
  }, 120_000);

  afterAll(() => platform?.stop());

  it('answers every bad input to every operation that takes a body with a documented 4xx problem, writing nothing', async () => {
    const before = await platform.eventsWritten();
    const failures: string[] = [];
    const withBody = conformance.all().filter(({ operation }) => operation.requestBody);
    expect(withBody.length).toBeGreaterThanOrEqual(17);
    for (const { method, template, operation } of withBody) {
      for (const input of badInputsFor(operation)) {
        const answer = await call(method.toUpperCase(), concrete(template), input.contentType, input.body);
        const where = `${method.toUpperCase()} ${template} with ${input.name}`;
        const problem = answer.body ?? {};
        if (answer.status !== input.status)
          failures.push(`${where}: ${answer.status} ${JSON.stringify(problem)}`);
        if (answer.contentType?.split(';')[0] !== 'application/problem+json')
          failures.push(`${where}: answered ${answer.contentType}`);
        if (input.detail && !String(problem['detail']).includes(input.detail))
          failures.push(`${where}: detail "${problem['detail']}" does not say "${input.detail}"`);
        const named =
          (problem['errors'] as Array<{ field: string }> | undefined)?.map(({ field }) => field) ?? [];
        if (input.field && !named.includes(input.field))
          failures.push(`${where}: errors name ${JSON.stringify(named)}, not ${input.field}`);
        failures.push(...conformance.problemsWith(answer).map((problem) => `${where}: ${problem}`));
      }
    }
    expect(failures).toEqual([]);
    expect(await platform.eventsWritten()).toBe(before);
  }, 120_000);

  it('refuses every operation but the public ones to callers it cannot identify: 401 naming why, a challenge, nothing written', async () => {
    const client = platform.admin;
    const { key: revoked, id } = await client.call<{ key: string; id: string }>(
      'triage',
      'POST',
      '/api-keys',
      {
        name: 'revoked before use',
        grants: ['agent@period:elsewhere'],
      },
    );
    await client.call('triage', 'DELETE', `/api-keys/${id}`);
    const impostors: Array<[string, Record<string, string>, string]> = [
      ['no credentials', {}, 'No credentials'],
      ['a key never made', { 'x-api-key': testAdminKey() }, 'The API key is not known'],
      ['a revoked key', { 'x-api-key': revoked }, 'The API key was revoked'],
      ['a key that is not one', { 'x-api-key': 'letmein' }, 'neither a bearer token nor an API key'],
      [
        'basic credentials without a key',
        { authorization: 'Basic YWRtaW46YWRtaW4=' },
        'must carry an API key',
      ],
      [
        'a bearer token with no identity provider configured',
        { authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' },
        'no identity provider is configured',
      ],
    ];
    const before = await platform.eventsWritten();
    const failures: string[] = [];
    const operations = conformance.all();
    const secured = operations.filter(({ operation }) => !operation['x-hypercare-public']);
    expect(secured.length).toBeGreaterThanOrEqual(30);
    for (const { method, template, operation } of operations) {
      const where = `${method.toUpperCase()} ${template}`;
      if (operation['x-hypercare-public']) {
        if (operation.security?.length !== 0) failures.push(`${where}: public, yet declares security`);
        continue;
      }
      if (!operation.responses['401']) failures.push(`${where}: does not document 401`);
      const body = operation.requestBody ? '{}' : undefined;
      for (const [who, credentials, reason] of impostors) {
        const answer = await call(
          method.toUpperCase(),
          concrete(template),
          body && 'application/json',
          body,
          credentials,
        );
        if (answer.status !== 401 || !String(answer.body?.['detail']).includes(reason))
          failures.push(`${where} with ${who}: ${answer.status} ${JSON.stringify(answer.body)}`);
        if (!answer.challenge?.startsWith('Bearer realm="hypercare"'))
          failures.push(`${where} with ${who}: no WWW-Authenticate challenge`);
        failures.push(
          ...conformance.problemsWith(answer).map((problem) => `${where} with ${who}: ${problem}`),
        );
      }
    }
    expect(failures).toEqual([]);
    expect(await platform.eventsWritten()).toBe(before);
  }, 120_000);

  it('answers an unknown route with a problem document, at the root and under every service', async () => {
    for (const path of ['/no-such-thing', '/triage/no-such-thing', '/reporting/periods/x/nothing']) {
      const answer = await call('GET', path);
      expect([answer.status, answer.contentType?.split(';')[0], answer.body?.['type']]).toEqual([
        404,
        'application/problem+json',
        'https://hypercare.dev/problems/http-404',
      ]);
    }
  });

  it('declares each header once, and what it declares required is refused when missing, naming it', async () => {
    const failures: string[] = [];
    for (const { method, template, operation } of conformance.all()) {
      const parameters = (operation.parameters ?? []) as OpenAPIV3.ParameterObject[];
      const headers = parameters.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase());
      if (new Set(headers).size !== headers.length)
        failures.push(`${method} ${template}: a header declared twice: ${headers.join(', ')}`);
      for (const parameter of parameters.filter((p) => p.required && p.in !== 'path')) {
        const body = operation.requestBody ? '{}' : undefined;
        const answer = await call(method.toUpperCase(), concrete(template), body && 'application/json', body);
        const named = (answer.body?.['errors'] as Array<{ field: string }> | undefined) ?? [];
        if (answer.status !== 400 || !named.some(({ field }) => field === parameter.name))
          failures.push(
            `${method} ${template}: answered ${answer.status} without required ${parameter.name}`,
          );
      }
    }
    expect(failures).toEqual([]);
  });

  it('serves the platform readiness, liveness and one metrics scrape at the root', async () => {
    const ready = await call('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ ready: true, notReady: [] });
    expect(Object.keys(ready.body?.['services'] as object).sort()).toEqual([
      'feedback',
      'intake',
      'monitoring',
      'reporting',
      'triage',
    ]);
    expect((await call('GET', '/health/live')).body).toEqual({ status: 'ok' });
    const metrics = await (await fetch(`${platform.base}/metrics`)).text();
    expect(metrics).toMatch(/^hypercare_\w+/m);
    for (const exchange of [ready]) expect(conformance.problemsWith(exchange)).toEqual([]);
  });
});
