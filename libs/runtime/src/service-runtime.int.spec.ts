import { randomUUID } from 'node:crypto';
import { hypercareContracts, periodActivated, periodClosed, periodContracts } from '@hypercare/contracts';
import type { MessagingLog } from '@hypercare/messaging';
import {
  createTestDatabase,
  describeWith,
  eventually,
  freePort,
  kafkaBrokers,
  type TestDatabase,
} from '@hypercare/testing';
import { Infrastructure } from './infrastructure';
import { ServiceRuntime } from './service-runtime';

const quiet: MessagingLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
const warnings: string[] = [];
const recording: MessagingLog = { ...quiet, warn: (_, message) => void warnings.push(message) };

describeWith('postgres', 'kafka')('service runtime', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase('runtime');
  });

  afterEach(async () => {
    await Promise.all(
      opened
        .splice(0)
        .map(
          async ({ runtime, infrastructure }) => (
            await runtime.stop(),
            await runtime.store.close(),
            await infrastructure.close()
          ),
        ),
    );
    await database.drop();
  });

  const opened: Array<{ runtime: ServiceRuntime; infrastructure: Infrastructure }> = [];
  /** A runtime of a probe service that publishes period events, closed after the test. */
  const open = async ({
    kafka,
    log = quiet,
    eventStoreUrl,
  }: { kafka?: string[]; log?: MessagingLog; eventStoreUrl?: string } = {}) => {
    const infrastructure = new Infrastructure({
      databaseUrl: database.url,
      kafkaBrokers: kafka,
      election: 'sole',
      clientId: 'runtime-test',
    });
    const runtime = await ServiceRuntime.open(infrastructure, {
      service: 'probe',
      contracts: hypercareContracts(),
      publishes: periodContracts,
      eventStoreUrl,
      log,
    });
    opened.push({ runtime, infrastructure });
    return { infrastructure, runtime };
  };

  it.each([
    ['the in-process bus', () => undefined],
    ['Kafka', () => kafkaBrokers()],
  ])(
    'publishes what the service stores and hands it to its own consumers, over %s',
    async (_, brokers) => {
      const { runtime } = await open({ kafka: brokers() });
      const periodId = randomUUID();
      const seen: string[] = [];
      runtime.consume({
        groupId: `probe-${randomUUID()}`,
        contracts: [periodActivated],
        handle: async (event) => void (event.data.periodId === periodId && seen.push(event.id)),
      });
      runtime.start();
      expect(() =>
        runtime.consume({ groupId: 'late', contracts: [periodActivated], handle: async () => undefined }),
      ).toThrow('consumer late registered after probe started');
      await runtime.store.append(`period-${periodId}`, [
        { type: periodActivated.type, data: { periodId, activatedAt: new Date().toISOString() } },
      ]);
      await eventually('the consumer saw the event', async () => seen.length > 0, 30_000);
      const [stored] = await runtime.store.readStream(`period-${periodId}`);
      expect(seen).toEqual([stored?.id]);
      expect(runtime.relayStatus()).toMatchObject({ leader: true, published: 1 });
    },
    60_000,
  );

  it('hands consumers the events of their contracts only, and skips types it has no contract for', async () => {
    const { infrastructure, runtime } = await open();
    const seen: string[] = [];
    runtime.consume({
      groupId: 'probe',
      contracts: [periodActivated],
      handle: async (event) => void seen.push(event.type),
    });
    runtime.start();
    await eventually('the topics are provisioned', async () => runtime.relayStatus() !== undefined);
    const bus = await infrastructure.bus(quiet);
    const periodId = randomUUID();
    const event = { source: '/test', subject: periodId, time: new Date() };
    await bus.publish(periodActivated.topic, [
      { ...event, id: randomUUID(), type: 'hypercare.period.renamed.v9', data: { periodId } },
      {
        ...event,
        id: randomUUID(),
        type: periodClosed.type,
        data: { periodId, closedAt: new Date().toISOString() },
      },
      {
        ...event,
        id: randomUUID(),
        type: periodActivated.type,
        data: { periodId, activatedAt: new Date().toISOString() },
      },
    ]);
    await eventually('the contracted event arrived', async () => seen.length > 0);
    expect(seen).toEqual([periodActivated.type]);
    expect(await bus.replayDeadLetters(periodActivated.topic)).toBe(0);
  });

  it("keeps the service's events in EventStoreDB when given its connection string, with that adapter's capabilities", async () => {
    const { runtime } = await open({ eventStoreUrl: 'esdb://127.0.0.1:1?tls=false' });
    expect(runtime.store.capabilities).toEqual({ transactionalCheckpoints: false, eventIdConflicts: false });
    expect(runtime.store.transactional).toBeUndefined();
  });

  it('refuses to store an event that breaks its contract, naming the field', async () => {
    const { runtime } = await open();
    await expect(
      runtime.store.append('period-x', [{ type: periodActivated.type, data: { periodId: 'not-a-uuid' } }]),
    ).rejects.toThrow(/periodId/);
    expect(await runtime.store.readStream('period-x')).toEqual([]);
  });

  it('starts while Kafka is away, reports it not ready, keeps retrying, and stops retrying on close', async () => {
    const closed = await freePort();
    const { infrastructure, runtime } = await open({ kafka: [`127.0.0.1:${closed}`], log: recording });
    runtime.start();
    const checks = infrastructure.readinessChecks();
    expect(checks.map((check) => check.name)).toEqual(['postgres', 'kafka']);
    await expect(checks[0]?.check()).resolves.toBeUndefined();
    await expect(checks[1]?.check()).rejects.toThrow();
    await eventually(
      'a retry was logged',
      async () => warnings.includes('Kafka does not answer yet'),
      20_000,
    );
    const bus = infrastructure.bus(recording);
    await infrastructure.close();
    await expect(bus).rejects.toThrow('infrastructure closed before Kafka answered');
  }, 60_000);
});
