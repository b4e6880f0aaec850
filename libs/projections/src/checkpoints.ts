import { quoteIdent, type SqlExecutor } from '@hypercare/event-store';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where a projection stands: the log position of the last event it applied. */
export interface ProjectionCheckpoint {
  name: string;
  position: number;
  rebuiltAt: Date | null;
}

/** The checkpoint table of a service's projections, `<schema>.projections`. */
export class Checkpoints {
  readonly table: string;

  constructor(schema: string) {
    this.table = `${quoteIdent(schema)}.projections`;
  }

  /** Creates the rows of projections that have none, at the start of the log. */
  async register(sql: SqlExecutor, names: readonly string[]): Promise<void> {
    await sql.query(
      `insert into ${this.table} (name) select unnest($1::text[]) on conflict (name) do nothing`,
      [names],
    );
  }

  /**
   * Locks the projection's row for the transaction (live pages and a rebuild exclude each other)
   * and reads it. The transaction then commits without waiting for its write-ahead log flush:
   * a crash may forget its last pages, rows and checkpoint together, and they are applied again
   * from the log, while a rebuild no longer waits for a flush a page.
   */
  async lock(tx: SqlExecutor, name: string): Promise<number> {
    const [row] = await tx.query<{ position: string }>(
      `select position, set_config('synchronous_commit', 'off', true) from ${this.table} where name = $1 for update`,
      [name],
    );
    if (!row) throw new Error(`projection ${name} has no checkpoint: it was not registered`);
    return Number(row.position);
  }

  /** Back to the start of the log, stamped as rebuilt now; returns the new checkpoint. */
  async reset(tx: SqlExecutor, name: string): Promise<ProjectionCheckpoint> {
    const [row] = await tx.query<{ rebuilt_at: Date }>(
      `update ${this.table} set position = 0, rebuilt_at = now() where name = $1 returning rebuilt_at`,
      [name],
    );
    return { name, position: 0, rebuiltAt: (row as { rebuilt_at: Date }).rebuilt_at };
  }

  /**
   * Locks the projections' rows for the transaction (in name order, so two transactions never
   * wait on each other crosswise), moves on to `position` (never back) those standing at
   * `after` or beyond, where the page begins, and answers where each stood: one statement for
   * every member of a page. One standing before `after` is left where it is (it misses events
   * below the page: another instance rebuilds it). Committed without waiting for the flush, as
   * `lock` explains.
   */
  async advance(
    tx: SqlExecutor,
    names: readonly string[],
    position: number,
    after: number,
  ): Promise<Map<string, number>> {
    const rows = await tx.query<{ name: string; position: string }>(
      `update ${this.table} as moved
       set position = case when before.position >= $3 then greatest(moved.position, $2) else moved.position end
       from (select name, position, set_config('synchronous_commit', 'off', true)
             from ${this.table} where name = any($1) order by name for update) as before
       where moved.name = before.name
       returning before.name, before.position`,
      [names, position, after],
    );
    const before = new Map(rows.map((row) => [row.name, Number(row.position)]));
    const missing = names.find((name) => !before.has(name));
    if (missing !== undefined)
      throw new Error(`projection ${missing} has no checkpoint: it was not registered`);
    return before;
  }

  /**
   * Moves the checkpoints of projections a page had nothing for, in one statement of its own
   * (never backwards, and only those standing at `after` or beyond, as `advance` does); answers
   * the names of those it left behind. Without the lock: a lost pass only means the page is
   * read again, to the same effect.
   */
  async pass(sql: SqlExecutor, names: readonly string[], position: number, after: number): Promise<string[]> {
    const rows = await sql.query<{ name: string }>(
      `with lazy as (select set_config('synchronous_commit', 'off', true)),
       moved as (update ${this.table} set position = $2 from lazy
                 where name = any($1) and position < $2 and position >= $3)
       select name from ${this.table} where name = any($1) and position < $3`,
      [names, position, after],
    );
    return rows.map(({ name }) => name);
  }

  /** The projection's position, undefined when it has no checkpoint. */
  async positionOf(sql: SqlExecutor, name: string): Promise<number | undefined> {
    const [row] = await sql.query<{ position: string }>(
      `select position from ${this.table} where name = $1`,
      [name],
    );
    return row ? Number(row.position) : undefined;
  }

  async all(sql: SqlExecutor): Promise<ProjectionCheckpoint[]> {
    const rows = await sql.query<{ name: string; position: string; rebuilt_at: Date | null }>(
      `select name, position, rebuilt_at from ${this.table} order by name`,
    );
    return rows.map((row) => ({ name: row.name, position: Number(row.position), rebuiltAt: row.rebuilt_at }));
  }
}

/**
 * The TypeORM migration that creates `<schema>.projections`; a service lists it first among
 * its own migrations (the same class name in every service: each keeps its own migrations table).
 */
export const projectionCheckpointsMigration = (schema: string): new () => MigrationInterface => {
  const table = `${quoteIdent(schema)}.projections`;
  return class ProjectionCheckpoints1764400000000 implements MigrationInterface {
    name = 'ProjectionCheckpoints1764400000000';

    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`create schema if not exists ${quoteIdent(schema)}`);
      await runner.query(`create table ${table} (
        name       text primary key,
        position   bigint not null default 0,
        rebuilt_at timestamptz)`);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`drop table ${table}`);
    }
  };
};
