import { pgClient, PostgresEventStore } from '@hypercare/event-store';
import { projectionCheckpointsMigration } from '@hypercare/projections';
import { createTestDatabase, describeWith, type TestDatabase } from '@hypercare/testing';
import { Pool } from 'pg';
import type { QueryRunner } from 'typeorm';
import { Notifications1765000023000 } from './notifications.migration';

/** The notifications' migration on a real database: a service that ran starts telling people from now on. */
describeWith('postgres')('installing notifications', () => {
  let database: TestDatabase;
  let pool: Pool;
  const runner = () =>
    ({ query: (sql: string) => pool.query(sql).then(({ rows }) => rows) }) as unknown as QueryRunner;
  const checkpoint = async () =>
    (
      await pool.query<{ position: string }>(
        "select position from intake.projections where name = 'notification-outbox'",
      )
    ).rows;

  beforeEach(async () => {
    database = await createTestDatabase('intake_notify_install');
    pool = new Pool({ connectionString: database.url });
    await new (projectionCheckpointsMigration('intake'))().up(runner());
  });
  afterEach(async () => {
    await pool.end();
    await database.drop();
  });

  it('starts the outbox at the head of what a running service already received', async () => {
    const received = await PostgresEventStore.open(pgClient(pool), { schema: 'intake_received' });
    const { position } = await received.append('ticket-1', [
      { type: 'hypercare.ticket.opened.v1', data: {} },
      { type: 'hypercare.ticket.triaged.v1', data: {} },
    ]);
    await new Notifications1765000023000().up(runner());
    expect(await checkpoint()).toEqual([{ position: String(position) }]);
  });

  it('leaves a new service to start at the beginning', async () => {
    await new Notifications1765000023000().up(runner());
    expect(await checkpoint()).toEqual([]);
  });
});
