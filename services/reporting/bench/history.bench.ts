/**
 * `npm run bench:reporting`: reporting's look back. (1) Any view as of a past moment and a
 * what-if, for a period of 20,000 events: latency of the dashboard replayed to the end of its
 * history, and of a what-if under a stricter P1 target (two replays and the hourly exit
 * evaluation); target p95 < 2 s each. (2) Every received projection built from 1,000,000
 * events; target < 60 s. Each against its baseline in the same run: the same events folded by
 * the ticket board's own evolve into a map in memory, with no database at all.
 * PostgreSQL at DATABASE_URL. Prints a table; exits 1 on a missed target.
 */
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_SLA_POLICY,
  type EventContract,
  hypercareContracts,
  type PeriodConfiguration,
} from '@hypercare/contracts';
import { periodEvents } from '@hypercare/contracts/testing';
import {
  type ContractedEvent,
  ContractedEventStore,
  pgClient,
  PostgresEventStore,
} from '@hypercare/event-store';
import { openReadDatabase, ProjectionRunner } from '@hypercare/projections';
import { ReceivedHistory } from '@hypercare/runtime';
import { benchSetting, concludeBench, createDatabase, fmt, printTable } from '@hypercare/testing';
import { Pool } from 'pg';
import { lifeOf } from './ticket-lives';
import { periodDashboard } from '../src/periods/dashboard.query';
import { reportingReadModel } from '../src/read-model';
import type { TicketView } from '../src/tickets/ticket-view.entity';
import { evolveView, openedView } from '../src/tickets/ticket-board.evolve';
import { replayBoth } from '../src/what-if/replay-both';

const BASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PERIOD_EVENTS = benchSetting('BENCH_PERIOD_EVENTS', 20_000);
const REBUILD_EVENTS = benchSetting('BENCH_REBUILD_EVENTS', 1_000_000);
const SAMPLES = benchSetting('BENCH_SAMPLES', 20);
const WHAT_IF_SAMPLES = benchSetting('BENCH_WHAT_IF_SAMPLES', 10);
const PER_TICKET = 9;
const WAVE = 500;
const progress = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);
const percentile = (values: number[], p: number): number =>
  [...values].sort((a, b) => a - b)[
    Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)
  ] as number;

/**
 * Stores `tickets` tickets' lives in the received log as a busy period makes it: 500 tickets
 * at a time, step by step across them, so that a page of the log holds many tickets' events.
 * Answers the events stored.
 */
const fillTickets = async (
  log: ContractedEventStore,
  periodIds: string[],
  tickets: number,
): Promise<number> => {
  let stored = 0;
  for (let from = 0; from < tickets; from += WAVE) {
    const wave = Array.from({ length: Math.min(WAVE, tickets - from) }, (_, i) => {
      const ticketId = randomUUID();
      const periodId = periodIds[(from + i) % periodIds.length] as string;
      return { ticketId, periodId, life: lifeOf(ticketId, periodId) };
    });
    for (let step = 0; step < PER_TICKET; step++) {
      await Promise.all(
        wave.map(({ ticketId, periodId, life }) => {
          const event = life[step] as { type: string; data: unknown };
          const stream = step === 0 ? `report-${ticketId}` : `ticket-${ticketId}`;
          return log.append(stream, [
            { ...event, metadata: { periodId, streamVersion: Math.max(0, step - 1) } },
          ]);
        }),
      );
    }
    stored += wave.length * PER_TICKET;
    if ((from / WAVE) % 20 === 0) progress(`stored ${fmt(stored)} events`);
  }
  return stored;
};

/** The baseline: the same events folded by the board's own evolve into a map, nothing persisted. */
const inMemory = (events: readonly ContractedEvent<EventContract>[]): number => {
  const started = performance.now();
  const views = new Map<string, TicketView>();
  for (const event of events) {
    if (!event.type.startsWith('hypercare.ticket.')) continue;
    const ticketId = (event.data as { ticketId: string }).ticketId;
    if (event.type === 'hypercare.ticket.opened.v1')
      views.set(ticketId, openedView(event as never, event.version));
    else {
      const view = views.get(ticketId);
      if (view) views.set(ticketId, evolveView(view, event as never, event.version).next);
    }
  }
  return performance.now() - started;
};

const readAll = async (log: ContractedEventStore): Promise<ContractedEvent<EventContract>[]> => {
  const events: ContractedEvent<EventContract>[] = [];
  for (let page = await log.readAll({ maxCount: 5_000 }); page.length;) {
    events.push(...(page as ContractedEvent<EventContract>[]));
    page = await log.readAll({
      fromPosition: (page.at(-1) as { position: number }).position + 1,
      maxCount: 5_000,
    });
  }
  return events;
};

const openReporting = async (name: string) => {
  const database = await createDatabase(BASE_URL, name);
  const pool = new Pool({ connectionString: database.url, max: 10 });
  pool.on('error', () => undefined);
  const dataSource = await openReadDatabase(pool, {
    schema: 'reporting',
    entities: [...reportingReadModel.entities],
    migrations: [...reportingReadModel.migrations],
  });
  const sql = pgClient(pool);
  const adapter = await PostgresEventStore.open(sql, { schema: 'reporting_received' });
  const log = new ContractedEventStore(adapter, hypercareContracts());
  const history = new ReceivedHistory(
    log,
    pool,
    reportingReadModel.received,
    [...reportingReadModel.entities],
    adapter.search,
  );
  return {
    pool,
    log,
    history,
    close: async () => (await dataSource.destroy(), await pool.end(), await database.drop()),
  };
};

/** Part one: one period of PERIOD_EVENTS events, as of its end and under a what-if. */
const lookBack = async (misses: string[]) => {
  const reporting = await openReporting('bench_history_period');
  try {
    const periodId = randomUUID();
    const period = periodEvents(periodId);
    const planned = period.planned();
    await reporting.log.append(`period-${periodId}`, [
      { ...planned, metadata: { periodId } },
      { ...period.activated(), metadata: { periodId } },
    ]);
    await fillTickets(reporting.log, [periodId], Math.ceil(PERIOD_EVENTS / PER_TICKET));
    const head = await reporting.log.headPosition();
    const asOf: number[] = [];
    // One of each first, unmeasured: the service answering is a warm process.
    for (let i = -1; i < SAMPLES; i++) {
      const started = performance.now();
      await reporting.history.replay({ asOf: { position: head }, periodId }, ({ dataSource }) =>
        periodDashboard(dataSource, periodId),
      );
      if (i >= 0) asOf.push(performance.now() - started);
    }
    const configuration = planned.data as unknown as PeriodConfiguration;
    const altered = {
      ...configuration,
      slaPolicy: DEFAULT_SLA_POLICY.map((t) =>
        t.priority === 'P2' ? { ...t, acknowledgeWithinMinutes: 2 } : t,
      ),
    };
    const whatIf: number[] = [];
    for (let i = -1; i < WHAT_IF_SAMPLES; i++) {
      const started = performance.now();
      await replayBoth({
        history: reporting.history,
        period: { periodId, goLiveAt: new Date(configuration.goLiveAt), closedAt: null },
        configuration,
        altered,
        until: new Date(configuration.plannedEndAt),
        checks: [],
      });
      if (i >= 0) whatIf.push(performance.now() - started);
    }
    const events = await readAll(reporting.log);
    const baseline = Math.min(...Array.from({ length: 5 }, () => inMemory(events)));
    const [asOfP95, whatIfP95] = [percentile(asOf, 95), percentile(whatIf, 95)];
    if (asOfP95 > 2_000) misses.push(`as-of p95 ${fmt(asOfP95)} ms (target < 2,000)`);
    if (whatIfP95 > 2_000) misses.push(`what-if p95 ${fmt(whatIfP95)} ms (target < 2,000)`);
    return {
      events: events.length,
      asOfP95,
      asOfP50: percentile(asOf, 50),
      whatIfP95,
      whatIfP50: percentile(whatIf, 50),
      baseline,
    };
  } finally {
    await reporting.close();
  }
};

/** Part two: every received projection built from REBUILD_EVENTS events, from empty. */
const rebuild = async (misses: string[]) => {
  const reporting = await openReporting('bench_history_rebuild');
  try {
    const periods = Array.from({ length: 10 }, () => randomUUID());
    const events = await fillTickets(reporting.log, periods, Math.ceil(REBUILD_EVENTS / PER_TICKET));
    const runner = new ProjectionRunner({
      log: reporting.log,
      sql: pgClient(reporting.pool),
      schema: 'reporting',
      projections: reportingReadModel.received,
      logger: {
        info: (fields, message) => progress(`${message} ${JSON.stringify(fields)}`),
        error: () => undefined,
      },
    });
    const started = performance.now();
    await runner.start();
    await runner.caughtUp();
    const elapsed = performance.now() - started;
    await runner.stop();
    const baseline = inMemory(await readAll(reporting.log));
    if (elapsed > 60_000)
      misses.push(
        `building every projection from ${fmt(events)} events took ${fmt(elapsed / 1_000, 1)} s (target < 60)`,
      );
    return { events, elapsed, baseline };
  } finally {
    await reporting.close();
  }
};

const main = async (): Promise<void> => {
  const misses: string[] = [];
  const look = await lookBack(misses);
  progress(`as-of p95 ${fmt(look.asOfP95)} ms, what-if p95 ${fmt(look.whatIfP95)} ms`);
  const built = await rebuild(misses);
  console.log(
    `\nA period of ${fmt(look.events)} events: ${SAMPLES} as-of dashboards, ${WHAT_IF_SAMPLES} what-ifs\n`,
  );
  printTable(
    [
      'as-of p50 (ms)',
      'as-of p95 (ms)',
      'what-if p50 (ms)',
      'what-if p95 (ms)',
      'in-memory fold (ms)',
      'as-of p95 / fold',
    ],
    [
      [
        fmt(look.asOfP50),
        fmt(look.asOfP95),
        fmt(look.whatIfP50),
        fmt(look.whatIfP95),
        fmt(look.baseline, 1),
        `${fmt(look.asOfP95 / look.baseline, 1)}x`,
      ],
    ],
  );
  console.log(
    `\nEvery received projection (${reportingReadModel.received.length}) built from ${fmt(built.events)} events\n`,
  );
  printTable(
    ['build (s)', 'events/s', 'in-memory fold (s)', 'build / fold'],
    [
      [
        fmt(built.elapsed / 1_000, 1),
        fmt(built.events / (built.elapsed / 1_000)),
        fmt(built.baseline / 1_000, 1),
        `${fmt(built.elapsed / built.baseline, 1)}x`,
      ],
    ],
  );
  concludeBench(misses);
};

void main();
