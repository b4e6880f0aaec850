import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { testAdminKey } from '@hypercare/auth/testing';
import { HypercareClient } from '@hypercare/client';
import { legacyProgrammeId } from '@hypercare/contracts';
import {
  createTestDatabase,
  freePort,
  kafkaBrokers,
  spawnService,
  waitForOk,
  type ServiceProcess,
  type TestDatabase,
} from '@hypercare/testing';
import { Client } from 'pg';
import { compatReport, readAnswers, type CompatIds } from './compat/compat-scenario';

const FIXTURE = join(__dirname, '..', 'fixtures', 'compat-b1fc966');

/**
 * A database written by an earlier version (b1fc966, before projections followed logs of
 * their own) opens with this one, migrates, and serves the same answers to every reader.
 * The fixture and its answers were recorded with `compat/record-compat-fixture.ts`. With the
 * in-process bus every service's log is published again on start. With Kafka the relays are
 * put where a distributed deployment leaves them (everything published long ago, and gone
 * from the topics since): reporting's answers can then only come from the history it kept,
 * moved into its received log, and intake's from the rows it had. The recorded answers carry
 * the fields added since, as old data answers them: the reopen rule's five, each timeline
 * line's `actor` (null: those events were recorded before sign-in), each period's `closing`
 * (null: none was closed), each ticket's `allowed` commands at triage, and each period's
 * `programmeId`, of the programme made from its free-text `programme`, no longer in its
 * configuration. That programme exists, named so, in triage and in reporting.
 */
/** What feedback, which b1fc966 did not have, adds to a ticket's timeline (a survey per resolution). */
const FEEDBACK_LINE = /^hypercare\.(survey|feedback)\./;

/**
 * The answers without what later versions derive from the old data with the services
 * b1fc966 did not have (feedback's surveys, pulses and training needs, deflection at intake,
 * reporting's exit evaluation as triage hears it):
 * those depend on whether the old events are still on the bus. What was there reads as before.
 */
const asBefore = (answers: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(answers).map(([key, answer]) => {
      const { body } = answer as { body?: Record<string, unknown> & { timeline?: Array<{ type: string }> } };
      if (key.endsWith('/dashboard') && body) {
        const { satisfaction: _s, knowledge: _k, pulses: _p, deflection: _d, ...before } = body;
        return [key, { ...(answer as object), body: before }];
      }
      if (/^triage \/periods\/[^/]+$/.test(key) && body) {
        const { exitUnmet: _u, ...before } = body;
        return [key, { ...(answer as object), body: before }];
      }
      if (!key.startsWith('reporting /tickets/') || !body?.timeline) return [key, answer];
      const timeline = body.timeline.filter(({ type }) => !FEEDBACK_LINE.test(type));
      return [key, { ...(answer as object), body: { ...body, timeline } }];
    }),
  );

describe.each([
  ['in-process messaging', (): Record<string, string> => ({}), false],
  [
    'Kafka, everything published long ago',
    (): Record<string, string> => ({ KAFKA_BROKERS: kafkaBrokers().join(',') }),
    true,
  ],
])('a database written by b1fc966, with %s', (_, messaging, published) => {
  let database: TestDatabase;
  let platform: ServiceProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('compat');
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(readFileSync(join(FIXTURE, 'database.sql'), 'utf8'));
      for (const store of published ? ['intake_events', 'triage_events'] : []) {
        await client.query(
          `insert into ${store}.checkpoints (subscription_id, position) select 'outbox-relay', max(position) from ${store}.events`,
        );
      }
    } finally {
      await client.end();
    }
  });

  afterAll(async () => {
    platform?.child.kill('SIGINT');
    await platform?.exited;
    await database?.drop();
  });

  it('migrates on start and answers every reader as before', async () => {
    const { ids, answers } = JSON.parse(readFileSync(join(FIXTURE, 'answers.json'), 'utf8')) as {
      ids: CompatIds;
      answers: Record<string, unknown>;
    };
    const port = await freePort();
    const adminKey = testAdminKey();
    platform = spawnService('services/all-in-one/src/main.ts', {
      DATABASE_URL: database.url,
      PORT: String(port),
      HYPERCARE_CLOCK: 'manual',
      HYPERCARE_ADMIN_API_KEY: adminKey,
      ...messaging(),
    });
    await waitForOk(`http://127.0.0.1:${port}/reporting/health/ready`, platform, 60_000);
    const client = HypercareClient.allInOne(`http://127.0.0.1:${port}`).withApiKey(adminKey);
    await client.poll<Array<{ lag: number }>>(
      'reporting',
      '/projections',
      (r) => r.status === 200 && r.body.length === 11 && r.body.every(({ lag }) => lag === 0),
      60_000,
    );
    const deadline = Date.now() + 30_000;
    const read = async () => asBefore(await readAnswers(client, ids));
    let now = await read();
    while (!isDeepStrictEqual(now, answers) && Date.now() < deadline) now = await read();
    expect(now).toEqual(answers);

    const programmeId = legacyProgrammeId('Compatibility');
    expect(await client.call('triage', 'GET', `/programmes/${programmeId}`)).toEqual({
      programmeId,
      name: 'Compatibility',
      legacy: true,
      version: 0,
    });
    expect(await client.call('reporting', 'GET', '/programmes')).toEqual([
      { programmeId, name: 'Compatibility', description: null, legacy: true, periods: 2, running: 1 },
    ]);

    // Its idempotency keys now belong to the report's period and reporter: a retry within the
    // window, at the time the key was recorded, still gets the first answer.
    const keys = new Client({ connectionString: database.url });
    await keys.connect();
    const [recorded] = (
      await keys.query<{ created_at: Date }>(
        "select created_at from intake.idempotency_keys where key = 'compat-0'",
      )
    ).rows;
    await keys.end();
    await client.call('triage', 'PUT', '/test-clock', { now: recorded?.created_at.toISOString() });
    const retried = await client.send<{ reportId: string }>(
      'intake',
      'POST',
      `/periods/${ids.periods[0]}/reports`,
      compatReport(0),
      { 'idempotency-key': 'compat-0' },
    );
    expect([retried.status, retried.body.reportId]).toEqual([200, ids.tickets[0]]);
  }, 180_000);
});
