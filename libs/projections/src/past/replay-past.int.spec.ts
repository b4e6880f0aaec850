import { randomUUID } from 'node:crypto';
import { ContractRegistry, type EventOf } from '@hypercare/contracts';
import { pgClient, type ContractedEvent } from '@hypercare/event-store';
import { describeWith } from '@hypercare/testing';
import type { DataSource } from 'typeorm';
import { openReadDatabase } from '../read-database';
import { tallies, tallyAdded, tallyDropped, TallyRow, TallySchema1764400000001 } from '../tally.fixture';
import { onPglite, onServer, type ReadTestDatabase } from '../test-databases.testing';
import { replayPast } from './replay-past';

type TallyEvent = ContractedEvent<typeof tallyAdded | typeof tallyDropped>;
const contracts = new ContractRegistry([tallyAdded, tallyDropped]);
const history: TallyEvent[] = (
  [
    { type: tallyAdded.type, data: { tallyId: 'a', amount: 2, at: '2026-11-02T08:00:00.000Z' } },
    { type: tallyAdded.type, data: { tallyId: 'b', amount: 5, at: '2026-11-02T09:00:00.000Z' } },
    { type: tallyAdded.type, data: { tallyId: 'a', amount: 3, at: '2026-11-03T10:00:00.000Z' } },
    { type: tallyDropped.type, data: { tallyId: 'b' } },
  ] as EventOf<typeof tallyAdded | typeof tallyDropped>[]
).map(
  (event, index) =>
    ({
      ...event,
      data: contracts.validate(event.type, event.data),
      id: randomUUID(),
      stream: `tally-${(event.data as { tallyId: string }).tallyId}`,
      version: index,
      position: index + 1,
      metadata: {},
      recordedAt: new Date(0),
    }) as TallyEvent,
);
const rows = 'select tally_id as "tallyId", total from probe.tallies order by tally_id';

const suite = (open: () => Promise<ReadTestDatabase>) => () => {
  let database: ReadTestDatabase;
  let live: DataSource;
  const replay = <T>(upTo: number, work: Parameters<typeof replayPast<T>>[1]) =>
    replayPast(
      {
        pool: database.pool,
        projections: [tallies],
        entities: [TallyRow],
        pageSize: 2,
      },
      async (past) => {
        await past.apply(history.slice(0, upTo));
        return work(past);
      },
    );

  beforeAll(async () => {
    database = await open();
    live = await openReadDatabase(database.pool, { schema: 'probe', migrations: [TallySchema1764400000001] });
    await pgClient(database.pool).transaction((tx) => tallies.apply(history, tx));
  });
  afterAll(async () => {
    await live.destroy();
    await database.dispose();
  });

  it('shows each moment as the projection stood then, to raw statements and to TypeORM alike', async () => {
    const moments = await Promise.all(
      [1, 2, 3].map((upTo) =>
        replay(upTo, async ({ sql, dataSource }) => ({
          raw: await sql.query(rows),
          entities: (await dataSource.getRepository(TallyRow).find({ order: { tallyId: 'ASC' } })).map(
            ({ tallyId, total }) => ({ tallyId, total }),
          ),
        })),
      ),
    );
    expect(moments.map(({ raw }) => raw)).toEqual([
      [{ tallyId: 'a', total: 2 }],
      [
        { tallyId: 'a', total: 2 },
        { tallyId: 'b', total: 5 },
      ],
      [
        { tallyId: 'a', total: 5 },
        { tallyId: 'b', total: 5 },
      ],
    ]);
    expect(moments.map(({ entities }) => entities)).toEqual(moments.map(({ raw }) => raw));
  });

  it('leaves the live table as it was, and nothing of the replay behind, even when the work fails', async () => {
    await expect(
      replay(3, async ({ sql }) => {
        await sql.query('delete from probe.tallies');
        throw new Error('the work broke');
      }),
    ).rejects.toThrow('the work broke');
    expect(await pgClient(database.pool).query(rows)).toEqual([{ tallyId: 'a', total: 5 }]);
    expect(await replay(0, ({ sql }) => sql.query(rows))).toEqual([]);
  });
};

describeWith('postgres')('replaying the past on a PostgreSQL server', suite(onServer));
describe('replaying the past on PGlite', suite(onPglite));
