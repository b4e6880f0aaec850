/**
 * `npm run bench:projections`: reporting's ticket board and timelines, projected live from a
 * log of received events, against bare batched INSERTs of the very rows it writes, page by
 * page (the baseline, same database, same run), then again while readers hammer the board's queries.
 * PostgreSQL at DATABASE_URL. Prints a table; exits 1 on a missed target.
 */
import { randomUUID } from 'node:crypto';
import { hypercareContracts } from '@hypercare/contracts';
import {
  ContractedEventStore,
  pgClient,
  PostgresEventStore,
  quoteIdent,
  type SqlClient,
  type SqlExecutor,
} from '@hypercare/event-store';
import { eventsFor, openReadDatabase, ProjectionRunner } from '@hypercare/projections';
import { benchSetting, concludeBench, createDatabase, fmt, printTable } from '@hypercare/testing';
import { Client, Pool } from 'pg';
import { lifeOf } from './ticket-lives';
import type { DataSource } from 'typeorm';
import { periodDashboard } from '../src/periods/dashboard.query';
import { reportingReadModel } from '../src/read-model';
import { PeriodView } from '../src/periods/period-view.entity';
import { ticketBoardProjection } from '../src/tickets/ticket-board.projection';
import { listTickets, ticketListQuery } from '../src/tickets/ticket-list.query';
import { TicketView } from '../src/tickets/ticket-view.entity';
import { TimelineEntry } from '../src/tickets/timeline-entry.entity';

const BASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TICKETS = benchSetting('BENCH_TICKETS', 6_000);
const ROUNDS = benchSetting('BENCH_ROUNDS', 3);
const READS = benchSetting('BENCH_READS_PER_SECOND', 50);
const PAGE = 1_000;
const PERIODS = Array.from({ length: 4 }, () => randomUUID());
const progress = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** The received log, filled step by step across all tickets, so that a page holds many tickets' events as live traffic would. */
const fill = async (log: ContractedEventStore): Promise<number> => {
  const lives = Array.from({ length: TICKETS }, (_, i) => {
    const id = randomUUID();
    return { id, events: lifeOf(id, PERIODS[i % PERIODS.length] as string) };
  });
  let stored = 0;
  for (let step = 0; step < 9; step++) {
    for (let from = 0; from < lives.length; from += 200) {
      await Promise.all(
        lives.slice(from, from + 200).map(({ id, events }) => {
          const event = events[step] as (typeof events)[number];
          return log.append(step === 0 ? `report-${id}` : `ticket-${id}`, [
            { type: event.type, data: event.data, metadata: { streamVersion: step - 1 } },
          ]);
        }),
      );
      stored += Math.min(200, lives.length - from);
    }
    progress(`stored ${fmt(stored)} events`);
  }
  return stored;
};

type Write = { statement: string; table: string; rows: Array<Record<string, unknown>> };

/** A transaction that also notes every row the projection writes (its set-based writes pass their rows as one JSON parameter). */
const recording = (tx: SqlExecutor, writes: Write[]): SqlExecutor => ({
  query: (statement, params, options) => {
    const target = /^insert into (\S+)/.exec(statement)?.[1];
    if (target && typeof params?.[0] === 'string')
      writes.push({
        statement,
        table: target,
        rows: JSON.parse(params[0]) as Array<Record<string, unknown>>,
      });
    return tx.query(statement, params, options);
  },
});

/** The projection's writes, page by page, on a copy of the template: what the baseline writes again without it. */
const writesOf = async (copy: Copy): Promise<Write[][]> => {
  const pages: Write[][] = [];
  for (
    let page = await copy.log.readAll({ maxCount: PAGE });
    page.length > 0;
    page = await copy.log.readAll({
      fromPosition: (page.at(-1) as { position: number }).position + 1,
      maxCount: PAGE,
    })
  ) {
    const writes: Write[] = [];
    await copy.sql.transaction((tx) =>
      ticketBoardProjection.apply(eventsFor(ticketBoardProjection, page), recording(tx, writes)),
    );
    pages.push(writes);
  }
  return pages;
};

/**
 * The same rows, page by page, written with plain multi-row INSERTs (an upsert where the
 * projection replaces rows), one transaction a page: the floor for writing them at all.
 */
const bareInsert = async (sql: SqlClient, pages: Write[][]): Promise<number> => {
  const started = performance.now();
  for (const writes of pages) {
    await sql.transaction(async (tx) => {
      for (const { statement, table, rows } of writes) {
        const columns = Object.keys(rows[0] ?? {});
        const values = rows.map(
          (_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`,
        );
        const params = rows.flatMap((row) =>
          columns.map((column) =>
            typeof row[column] === 'object' && row[column] !== null
              ? JSON.stringify(row[column])
              : row[column],
          ),
        );
        const conflict = statement.slice(statement.indexOf(' on conflict'));
        await tx.query(
          `insert into ${table} (${columns.map(quoteIdent).join(', ')}) values ${values.join(', ')}${conflict}`,
          params,
        );
      }
    });
  }
  return performance.now() - started;
};

/**
 * Readers offering `READS` reads a second whatever the answers' latency (open loop): half of
 * them a period's dashboard, half its first page of tickets by priority, fifty war-room
 * screens refreshing every second; until stopped. Returns how many were served. Each read
 * costs about 2 ms of this process's one thread and more of the database's: the load shares
 * the two cores with the projection, which only its own connections keep from waiting on it.
 */
const hammer = (dataSource: DataSource): { stop(): Promise<number> } => {
  let running = true;
  let served = 0;
  const inFlight = new Set<Promise<void>>();
  const query = ticketListQuery.parse({ sort: 'priority' });
  const read = async (i: number): Promise<void> => {
    const periodId = PERIODS[i % PERIODS.length] as string;
    await (i % 2 ? periodDashboard(dataSource, periodId) : listTickets(dataSource, periodId, query));
    served++;
  };
  const offering = (async () => {
    const started = performance.now();
    for (let i = 0; running; i++) {
      const wait = started + (i * 1_000) / READS - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const call = read(i).finally(() => inFlight.delete(call));
      inFlight.add(call);
    }
  })();
  return { stop: async () => ((running = false), await offering, await Promise.all(inFlight), served) };
};

interface Copy {
  dataSource: DataSource;
  sql: SqlClient;
  log: ContractedEventStore;
  close(): Promise<void>;
}

const READ_ENTITIES = [PeriodView, TicketView, TimelineEntry];

/** Reporting's read database on `url`: its tables, and its log of received events on connections of the projection's own. */
const open = async (url: string): Promise<Copy> => {
  const readPool = new Pool({ connectionString: url, max: 10 });
  const projectionPool = new Pool({ connectionString: url, max: 2 });
  // Copies are dropped with force once measured: their connections going away is expected.
  for (const pool of [readPool, projectionPool]) pool.on('error', () => undefined);
  const dataSource = await openReadDatabase(readPool, {
    schema: 'reporting',
    entities: READ_ENTITIES,
    // The service's own list: a copy of it here fell behind when the timeline gained a column.
    migrations: reportingReadModel.migrations,
  });
  const sql = pgClient(projectionPool);
  const log = new ContractedEventStore(
    await PostgresEventStore.open(sql, { schema: 'reporting_received' }),
    hypercareContracts(),
  );
  return {
    dataSource,
    sql,
    log,
    close: async () => (
      await dataSource.destroy(),
      await Promise.all([readPool.end(), projectionPool.end()])
    ),
  };
};

/** Copies the template (the filled log, empty tables) into a database of its own, so every measurement starts alike. */
const copyOf = async (template: string): Promise<{ copy: Copy; drop(): Promise<void> }> => {
  const name = `bench_projection_${randomUUID().slice(0, 8)}`;
  const admin = new Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`create database ${quoteIdent(name)} template ${quoteIdent(template)}`);
  await admin.end();
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  const copy = await open(url.toString());
  return {
    copy,
    drop: async () => {
      await copy.close();
      const dropper = new Client({ connectionString: BASE_URL });
      await dropper.connect();
      await dropper.query(`drop database ${quoteIdent(name)} with (force)`);
      await dropper.end();
    },
  };
};

/** Events per second the projection catches up with, from an empty board, while `reads` hammer it (or nothing does). */
const catchUp = async (
  template: string,
  events: number,
  reads: boolean,
): Promise<{ rate: number; served: number }> => {
  const { copy, drop } = await copyOf(template);
  try {
    const runner = new ProjectionRunner({
      log: copy.log,
      sql: copy.sql,
      schema: 'reporting',
      projections: [ticketBoardProjection],
      pageSize: PAGE,
    });
    const readers = reads ? hammer(copy.dataSource) : undefined;
    const started = performance.now();
    await runner.start();
    await runner.caughtUp();
    const elapsed = performance.now() - started;
    const served = (await readers?.stop()) ?? 0;
    await runner.stop();
    return { rate: events / (elapsed / 1_000), served };
  } finally {
    await drop();
  }
};

const main = async (): Promise<void> => {
  const template = await createDatabase(BASE_URL, 'bench_projection_template');
  const misses: string[] = [];
  try {
    const filling = await open(template.url);
    const events = await fill(filling.log);
    await filling.close();
    const recorded = await copyOf(template.name);
    const pages = await writesOf(recorded.copy);
    await recorded.drop();
    const live: number[] = [];
    const bare: number[] = [];
    const loaded: number[] = [];
    let reads = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      live.push((await catchUp(template.name, events, false)).rate);
      const { copy, drop } = await copyOf(template.name);
      bare.push(events / ((await bareInsert(copy.sql, pages)) / 1_000));
      await drop();
      const underReads = await catchUp(template.name, events, true);
      loaded.push(underReads.rate);
      reads += underReads.served;
      progress(
        `round ${round}: live ${fmt(live.at(-1) as number)}/s, bare ${fmt(bare.at(-1) as number)}/s, under reads ${fmt(underReads.rate)}/s`,
      );
    }
    const [idle, floor, busy] = [median(live), median(bare), median(loaded)];
    if (idle < 5_000) misses.push(`live projection ${fmt(idle)} events/s (target >= 5,000)`);
    if (idle / floor < 0.5)
      misses.push(`live projection ${fmt(idle / floor, 2)}x the bare INSERT (target >= 0.5x)`);
    if (busy / idle < 0.8)
      misses.push(`under reads ${fmt(busy / idle, 2)}x the idle rate (target >= 0.8x, at most a 20% drop)`);
    console.log(
      `\nTicket board and timelines catching up with ${fmt(events)} received events (${fmt(TICKETS)} tickets) from empty, pages of ${PAGE}, median of ${ROUNDS} interleaved rounds, each on a fresh copy of the same database\n`,
    );
    printTable(
      [
        'live projection (events/s)',
        'bare batched INSERT of its rows (events/s)',
        'live / bare',
        `under ${fmt(READS)} reads/s (events/s)`,
        'loaded / idle',
        'reads served',
      ],
      [[fmt(idle), fmt(floor), `${fmt(idle / floor, 2)}x`, fmt(busy), `${fmt(busy / idle, 2)}x`, fmt(reads)]],
    );
  } finally {
    await template.drop();
  }
  concludeBench(misses);
};

void main();
