import { defineEvent } from '@hypercare/contracts';
import type { ContractedEventStore, SqlClient } from '@hypercare/event-store';
import { Column, Entity, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { z } from 'zod';
import { documentProjection } from './document-projection';
import { defineProjection } from './projection';

export const tallyAdded = defineEvent({
  type: 'hypercare.tally.added.v1',
  topic: 'test.tallies.v1',
  summary: 'A tally moved on.',
  schema: z.object({ tallyId: z.string().min(1), amount: z.number().int(), at: z.string().datetime() }),
});
export const tallyDropped = defineEvent({
  type: 'hypercare.tally.dropped.v1',
  topic: 'test.tallies.v1',
  summary: 'A tally was dropped.',
  schema: z.object({ tallyId: z.string().min(1) }),
});

export interface Tally {
  tallyId: string;
  total: number;
  additions: number;
  lastAt: Date;
}

/** The tallies' table, as a service's migration would make it. */
export class TallySchema1764400000001 implements MigrationInterface {
  name = 'TallySchema1764400000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'create table probe.tallies (tally_id text primary key, total int not null, additions int not null, last_at timestamptz not null)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table probe.tallies');
  }
}

/** One row per tally: its total, how many additions made it, when it last moved; dropped tallies go. */
export const tallies = documentProjection({
  name: 'tallies',
  contracts: [tallyAdded, tallyDropped],
  documents: {
    table: 'probe.tallies',
    key: 'tallyId',
    columns: { tallyId: 'tally_id', total: 'total', additions: 'additions', lastAt: 'last_at' },
  },
  keyOf: (event) => event.data.tallyId,
  evolve: (tally: Tally | undefined, event): Tally | undefined => {
    switch (event.type) {
      case 'hypercare.tally.added.v1':
        if (event.data.amount === 0) return tally;
        return {
          tallyId: event.data.tallyId,
          total: (tally?.total ?? 0) + event.data.amount,
          additions: (tally?.additions ?? 0) + 1,
          lastAt: new Date(event.data.at),
        };
      case 'hypercare.tally.dropped.v1':
        return undefined;
    }
  },
});

/** The tallies' rows as TypeORM reads them. */
@Entity({ schema: 'probe', name: 'tallies' })
export class TallyRow {
  @PrimaryColumn({ name: 'tally_id' }) tallyId!: string;
  @Column() total!: number;
  @Column() additions!: number;
  @Column({ name: 'last_at', type: 'timestamptz' }) lastAt!: Date;
}

const at = '2026-11-02T08:00:00.000Z';
/** Appends additions of `amounts` to a tally's stream. */
export const addToTally = (log: ContractedEventStore, tallyId: string, amounts: number[]) =>
  log.append(
    `tally-${tallyId}`,
    amounts.map((amount) => ({ type: tallyAdded.type, data: { tallyId, amount, at } })),
  );
/** Each tally's total and count of additions, as the projection keeps them. */
export const tallyTotals = async (sql: SqlClient) =>
  Object.fromEntries(
    (
      await sql.query<{ tally_id: string; total: number; additions: number }>(
        'select tally_id, total, additions from probe.tallies',
      )
    ).map((row) => [row.tally_id, [row.total, row.additions]]),
  );

/** A projection of no table that remembers the positions it applied, and fails while told to. */
export const witness = (name: string) => {
  const seen: number[] = [];
  const state = { failing: false };
  const projection = defineProjection({
    name,
    contracts: [tallyAdded],
    tables: [],
    apply: async (events) => {
      if (state.failing) throw new Error(`${name} cannot write`);
      seen.push(...events.map(({ position }) => position));
    },
  });
  return { projection, seen, state };
};
