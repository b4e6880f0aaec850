import { newProgramme, planPeriod } from '@hypercare/client';
import { reportSubmitted } from '@hypercare/contracts';
import {
  buildBundles,
  createTestDatabase,
  describeWithJava,
  eventually,
  privateKafka,
  spawnBundle,
  type PrivateKafka,
} from '@hypercare/testing';
import { Kafka, logLevel } from 'kafkajs';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { DistributedPlatform } from './distributed-platform';
import { periodDefinition, submitReport } from './scenario-steps';
import { ReadinessSampler } from './readiness-sampler';

const REPORTS = 400;
const OPEN_TICKETS_GROUP = 'triage.open-tickets';

/**
 * intake and triage run as operators run them (`node dist/services/<name>/main.js`) on a
 * broker of the suite's own, which it stops and starts: what a supervisor and an orchestrator
 * learn from exit codes and readiness, and how soon work resumes after an outage.
 */
describeWithJava('postgres')('services run as operators run them', () => {
  let kafka: PrivateKafka;
  let platform: DistributedPlatform;
  let periodId: string;
  let triageDb: Client;

  const ticketsOpened = async (): Promise<{ events: number; tickets: number }> => {
    const { rows } = await triageDb.query<{ events: number; tickets: number }>(
      `select count(*)::int as events, count(distinct stream)::int as tickets
         from triage_events.events where type = 'hypercare.ticket.opened.v1'`,
    );
    return rows[0] as { events: number; tickets: number };
  };

  const committedOffsets = async (): Promise<number> => {
    const admin = new Kafka({ brokers: kafka.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const [topic] = await admin.fetchOffsets({
        groupId: OPEN_TICKETS_GROUP,
        topics: [reportSubmitted.topic],
      });
      return (topic?.partitions ?? []).reduce((sum, { offset }) => sum + Math.max(0, Number(offset)), 0);
    } finally {
      await admin.disconnect();
    }
  };

  /** Resident memory of a service's process now and at its peak, in MB (what the manifests' requests are sized from). */
  const memoryOf = (name: 'intake' | 'triage'): string => {
    const status = readFileSync(`/proc/${platform.process(name).child.pid}/status`, 'utf8');
    const mb = (field: string) =>
      Math.round(Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]) / 1024);
    return `${name} ${mb('VmRSS')} MB resident, ${mb('VmHWM')} MB at peak`;
  };

  beforeAll(async () => {
    kafka = await privateKafka();
    await Promise.all([kafka.launcher('start'), buildBundles(['intake', 'triage'])]);
    platform = await DistributedPlatform.start(
      {},
      { services: ['intake', 'triage'], brokers: kafka.brokers, launch: 'bundle' },
    );
    triageDb = new Client({ connectionString: platform.databaseUrl('triage') });
    await triageDb.connect();
    const programmeId = await newProgramme(platform.client, 'Finance transformation');
    ({ periodId } = await planPeriod(platform.client, programmeId, periodDefinition(new Date())));
    await platform.client.call('triage', 'POST', `/periods/${periodId}/activate`, {});
    await platform.client.poll<{ status: string }>(
      'intake',
      `/periods/${periodId}`,
      (r) => r.body?.status === 'active',
      60_000,
    );
  }, 600_000);

  afterAll(async () => {
    await triageDb?.end();
    await platform?.stop();
    await kafka?.dispose();
  }, 120_000);

  it('refuses to start on a database that does not exist: one JSON line naming it, exit code 1', async () => {
    const missing = await createTestDatabase('ops_missing');
    await missing.drop();
    const service = spawnBundle('triage', {
      DATABASE_URL: missing.url,
      KAFKA_BROKERS: kafka.brokers.join(','),
      PORT: '0',
    });
    expect(await service.exited).toBe(1);
    const lines = service.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      level: 'fatal',
      service: 'triage',
      msg: expect.stringMatching(/^cannot start: database ".+" does not exist$/),
      code: '3D000',
    });
  });

  it('tells a supervisor that a killed service did not stop cleanly', async () => {
    console.warn(`[operations] idle, after start-up: ${memoryOf('intake')}; ${memoryOf('triage')}`);
    const triage = platform.process('triage');
    triage.child.kill('SIGKILL');
    const exit = await triage.exited;
    expect(exit).not.toBe(0);
    expect(exit).toBe('SIGKILL');
    await platform.restart('triage');
  }, 120_000);

  it('on SIGTERM mid-batch finishes the message in hand, commits what it handled and exits 0; restarted, it opens every other ticket once', async () => {
    const submitting = Array.from({ length: REPORTS / 10 }, (_, slice) => slice).reduce(
      (previous, slice) =>
        previous.then(() =>
          Promise.all(
            Array.from({ length: 10 }, (_, i) => submitReport(platform.client, periodId, slice * 10 + i, 1)),
          ).then(() => undefined),
        ),
      Promise.resolve(),
    );
    await eventually(
      'triage to be opening tickets',
      async () => (await ticketsOpened()).events >= 10,
      60_000,
    );
    console.warn(
      `[operations] under a burst of ${REPORTS} reports: ${memoryOf('intake')}; ${memoryOf('triage')}`,
    );
    const triage = platform.process('triage');
    triage.child.kill('SIGTERM');
    expect(await triage.exited).toBe(0);

    const atExit = await ticketsOpened();
    expect(atExit.events).toBeLessThan(REPORTS);
    expect(atExit.tickets).toBe(atExit.events);
    expect(await committedOffsets()).toBe(atExit.events);

    await submitting;
    await platform.restart('triage');
    await eventually(
      'every report to have its ticket',
      async () => (await ticketsOpened()).events >= REPORTS,
      120_000,
    );
    expect(await ticketsOpened()).toEqual({ events: REPORTS, tickets: REPORTS });
  }, 300_000);

  it('is not ready while the broker is away, and once its consumers crashed turns a report submitted meanwhile into a ticket within 10 s of its return', async () => {
    const readiness = new ReadinessSampler(platform.client.url('triage', '/health/ready'));
    try {
      await kafka.launcher('stop');
      const down = await readiness.until(503, 60_000);
      // The hard case: the consumers gave up retrying and crashed, so they must restart and rejoin.
      const crashed = await readiness.until(503, 90_000, { body: /crashed/ });
      const reportId = await submitReport(platform.client, periodId, REPORTS + 1, 1);
      await kafka.launcher('start');
      const back = Date.now();
      await platform.client.poll('triage', `/tickets/${reportId}`, (r) => r.status === 200, 30_000);
      const ticketAt = Date.now();
      const ticketAfterMs = ticketAt - back;
      const ready = await readiness.until(200, 30_000, { from: back });
      console.warn(
        `[operations] broker outage: triage not ready ${down.sinceStartMs} ms after the broker stopped, ` +
          `its consumers crashed after ${crashed.sinceStartMs} ms; ` +
          `report became a ticket ${ticketAfterMs} ms and readiness 200 ${ready.at - back} ms after the broker was back`,
      );
      expect(ticketAfterMs).toBeLessThan(10_000);
      // Ready only once the consumers are back: about when the ticket could be opened, not when Kafka first answered.
      expect(ready.at).toBeGreaterThan(ticketAt - 2_000);
      expect(readiness.statusesBetween(down.at, back)).toEqual([503]);
      expect(JSON.stringify(down.body)).toMatch(/consumers|kafka/);
    } finally {
      readiness.stop();
    }
  }, 300_000);
});
