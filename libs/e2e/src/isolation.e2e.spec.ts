import type { HypercareClient } from '@hypercare/client';
import { describeWith } from '@hypercare/testing';
import { AllInOneOnPostgres } from './all-in-one-on-postgres.fixture';
import { OpenApiConformance } from './openapi/openapi-conformance';
import { activePeriod, reportBody } from './scenario-steps';

const T0 = new Date('2030-07-01T08:00:00.000Z');

interface Tenant {
  periodId: string;
  ticketId: string;
  reportId: string;
}

/**
 * Period isolation, generated from the OpenAPI document: for every operation, a lead of
 * period A is refused on period B's resources (the same 404 as an unknown id; 403 for
 * platform-wide operations), sees none of B's rows in lists, and is not refused on A's own.
 * An operation that declares no access rule fails the suite, so a new one is covered, or
 * noticed, by itself.
 */
describeWith('postgres')('periods isolated from each other, probed from the OpenAPI document', () => {
  let platform: AllInOneOnPostgres;
  let operations: ReturnType<OpenApiConformance['all']>;
  let admin: HypercareClient;
  let leadOfA: string;
  let a: Tenant;
  let b: Tenant;

  const call = async (method: string, path: string, key: string, body?: string) => {
    const response = await fetch(`${platform.base}${path}`, {
      method,
      headers: { 'x-api-key': key, ...(body ? { 'content-type': 'application/json' } : {}) },
      body,
    });
    const text = await response.text();
    return {
      status: response.status,
      text,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
    };
  };
  const concrete = (template: string, tenant: Tenant): string =>
    template.replace(/\{(\w+)\}/g, (_, name: string) => tenant[name as keyof Tenant] ?? `unknown-${name}`);
  const versions = async (tenant: Tenant) => [
    (await admin.call<{ version: number }>('triage', 'GET', `/periods/${tenant.periodId}`)).version,
    (await admin.call<{ version: number }>('triage', 'GET', `/tickets/${tenant.ticketId}`)).version,
  ];

  const tenant = async (goLive: Date, n: number): Promise<Tenant> => {
    const periodId = await activePeriod(admin, goLive);
    const { reportId } = await admin.call<{ reportId: string }>(
      'intake',
      'POST',
      `/periods/${periodId}/reports`,
      reportBody(n),
    );
    await admin.poll('reporting', `/tickets/${reportId}`, (r) => r.status === 200);
    return { periodId, ticketId: reportId, reportId };
  };

  beforeAll(async () => {
    platform = await AllInOneOnPostgres.start('isolation');
    operations = new OpenApiConformance(await platform.openApi()).all();
    admin = platform.admin;
    await admin.call('triage', 'PUT', '/test-clock', { now: T0.toISOString() });
    a = await tenant(T0, 1);
    b = await tenant(T0, 2);
    ({ key: leadOfA } = await admin.call<{ key: string }>('triage', 'POST', '/api-keys', {
      name: 'lead of period A',
      grants: [`lead@period:${a.periodId}`],
    }));
  }, 120_000);

  afterAll(() => platform?.stop());

  it('declares an access rule on every operation that is not public', () => {
    const undeclared = operations
      .filter(({ operation }) => !operation['x-hypercare-public'] && !operation['x-hypercare-access'])
      .map(({ method, template }) => `${method.toUpperCase()} ${template}`);
    expect(undeclared).toEqual([]);
  });

  it("refuses a lead of period A every operation on period B's resources, writing nothing there", async () => {
    const before = await versions(b);
    const failures: string[] = [];
    for (const { method, template, operation } of operations) {
      const scope = operation['x-hypercare-access']?.scope;
      if (!scope || scope === 'listed') continue;
      const body = operation.requestBody ? '{}' : undefined;
      const answer = await call(method.toUpperCase(), concrete(template, b), leadOfA, body);
      const expected = scope === 'platform' ? 403 : 404;
      if (answer.status !== expected)
        failures.push(
          `${method.toUpperCase()} ${template} on B: ${answer.status} (expected ${expected}) ${answer.text}`,
        );
      if (answer.text.includes(b.periodId) && expected === 403)
        failures.push(`${method.toUpperCase()} ${template} on B: the refusal shows B's data`);
    }
    expect(failures).toEqual([]);
    expect(await versions(b)).toEqual(before);
  }, 60_000);

  it("answers the lead of period A on A's own resources (the refusals above are not refusals of everything)", async () => {
    const failures: string[] = [];
    for (const { method, template, operation } of operations) {
      const scope = operation['x-hypercare-access']?.scope;
      if (method !== 'get' || !scope || scope === 'platform') continue;
      const answer = await call('GET', concrete(template, a), leadOfA);
      if (answer.status !== 200) failures.push(`GET ${template} on A: ${answer.status} ${answer.text}`);
    }
    expect(failures).toEqual([]);
  });

  it("shows the lead of period A none of period B's rows in any list, and A's", async () => {
    const lists = operations.filter(({ operation }) => operation['x-hypercare-access']?.scope === 'listed');
    expect(lists.length).toBeGreaterThanOrEqual(1);
    for (const { template } of lists) {
      const answer = await call('GET', template, leadOfA);
      expect(answer.status).toBe(200);
      expect(answer.text).toContain(a.periodId);
      expect(answer.text).not.toContain(b.periodId);
    }
    const everything = await call('GET', '/reporting/periods', platform.adminKey);
    expect(everything.text).toContain(b.periodId);
  });
});
