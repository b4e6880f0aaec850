import { randomUUID } from 'node:crypto';
import { hypercareContracts, periodActivated, periodContracts } from '@hypercare/contracts';
import type { MessagingLog } from '@hypercare/messaging';
import { documentProjection } from '@hypercare/projections';
import { createTestDatabase, describeWith, eventually, type TestDatabase } from '@hypercare/testing';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Infrastructure } from './infrastructure';
import { ReadModel } from './read-model';
import { ServiceRuntime } from './service-runtime';

const quiet: MessagingLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

class ActivationsSchema1764400001000 implements MigrationInterface {
  name = 'ActivationsSchema1764400001000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('create table viewer.activations (period_id text primary key, times int not null)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table viewer.activations');
  }
}

/** How often the viewer saw each period activated: a redelivery would count twice. */
const activations = documentProjection({
  name: 'activations',
  contracts: [periodActivated],
  documents: {
    table: 'viewer.activations',
    key: 'periodId',
    columns: { periodId: 'period_id', times: 'times' },
  },
  keyOf: (event) => event.data.periodId,
  evolve: (row: { periodId: string; times: number } | undefined, event) => ({
    periodId: event.data.periodId,
    times: (row?.times ?? 0) + 1,
  }),
});

describeWith('postgres')('read model', () => {
  let database: TestDatabase;
  let infrastructure: Infrastructure;
  let publisher: ServiceRuntime;
  let viewer: ServiceRuntime;
  let readModel: ReadModel;

  beforeAll(async () => {
    database = await createTestDatabase('read_model');
    infrastructure = new Infrastructure({
      databaseUrl: database.url,
      election: 'advisory-lock',
      clientId: 'read-model-test',
    });
    publisher = await ServiceRuntime.open(infrastructure, {
      service: 'publisher',
      contracts: hypercareContracts(),
      publishes: periodContracts,
      log: quiet,
    });
    viewer = await ServiceRuntime.open(infrastructure, {
      service: 'viewer',
      contracts: hypercareContracts(),
      publishes: [],
      log: quiet,
    });
    readModel = await ReadModel.open(
      infrastructure,
      viewer,
      { migrations: [ActivationsSchema1764400001000], received: [activations] },
      quiet,
    );
    publisher.start();
    viewer.start();
    await readModel.start();
  });
  afterAll(async () => {
    await readModel?.stop();
    await Promise.all([publisher?.stop(), viewer?.stop()]);
    await infrastructure?.close();
    await database?.drop();
  });

  const activate = async (periodId: string) =>
    publisher.store.append(`period-${periodId}`, [
      { type: periodActivated.type, data: { periodId, activatedAt: new Date().toISOString() } },
    ]);
  const times = async (periodId: string) =>
    (
      await viewer.sql.query<{ times: number }>('select times from viewer.activations where period_id = $1', [
        periodId,
      ])
    )[0]?.times;

  const reflected = (position: number) =>
    eventually(
      'the activation is reflected',
      () => readModel.reflects('activations', '/hypercare/publisher', position),
      20_000,
    );

  it("projects another service's events as they arrive, and says when a write of the publisher is reflected", async () => {
    const periodId = randomUUID();
    const { position } = await activate(periodId);
    await reflected(position);
    expect(await times(periodId)).toBe(1);
    expect(await readModel.reflects('activations', '/hypercare/publisher', position + 1_000)).toBe(false);
    await expect(readModel.reflects('nothing', '/hypercare/publisher', position)).rejects.toThrow(
      'projection nothing does not exist',
    );
  });

  it('keeps a redelivered event once, so the projection applies it once', async () => {
    const periodId = randomUUID();
    const { position } = await activate(periodId);
    await reflected(position);
    const [stored] = await publisher.store.readStream(`period-${periodId}`);
    const bus = await infrastructure.bus(quiet);
    const again = {
      id: stored?.id as string,
      type: periodActivated.type,
      source: '/hypercare/publisher',
      subject: periodId,
      time: new Date(),
      data: stored?.data,
      logPosition: position,
    };
    await bus.publish(periodActivated.topic, [again, again]);
    const marker = randomUUID();
    const { position: after } = await activate(marker);
    await reflected(after);
    expect(await times(periodId)).toBe(1);
  });

  it("keeps a batch delivered at once, each event where it stood in the publisher's log", async () => {
    const bus = await infrastructure.bus(quiet);
    const periodId = randomUUID();
    const base = 1_000_000_000 + Math.floor(Math.random() * 1_000_000);
    // One subject, so one partition: the three arrive together, as a backlog would.
    await bus.publish(
      periodActivated.topic,
      [0, 1, 2].map((index) => ({
        id: randomUUID(),
        type: periodActivated.type,
        source: '/hypercare/publisher',
        subject: periodId,
        time: new Date(),
        data: { periodId, activatedAt: new Date().toISOString() },
        logPosition: base + index,
      })),
    );
    for (const index of [0, 1, 2]) await reflected(base + index);
    expect(await times(periodId)).toBe(3);
  });

  it('rebuilds from what it received to the same rows, with its status saying so', async () => {
    await readModel.caughtUp();
    const before = await viewer.sql.query('select * from viewer.activations order by period_id');
    const report = await readModel.rebuild('activations');
    expect(report.projections).toEqual(['activations']);
    expect(await viewer.sql.query('select * from viewer.activations order by period_id')).toEqual(before);
    expect(await readModel.status()).toEqual([
      expect.objectContaining({ name: 'activations', lag: 0, rebuiltAt: expect.any(Date) }),
    ]);
  });

  it('runs no relay for a service that publishes nothing', () => {
    expect(viewer.relayStatus()).toBeUndefined();
    expect(publisher.relayStatus()).toMatchObject({ leader: true });
  });
});
