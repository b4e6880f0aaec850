import { Inject, Injectable } from '@nestjs/common';
import { exitContracts } from '@hypercare/contracts';
import { type Clock, InvalidCommand } from '@hypercare/domain-kit';
import { CLOCK, ServiceRuntime } from '@hypercare/runtime';
import { DataSource } from 'typeorm';
import { ExitEvaluation } from '../exit/exit-evaluation';
import { exitStream } from '../exit/exit.decider';
import { ExitReadiness } from '../exit/exit-readiness';
import { openStatus } from '../tickets/open-status';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const OPEN = openStatus('t.status');

interface TicketLine {
  ticketId: string;
  title: string;
  priority: string | null;
  at: Date;
}

const dated = (lines: TicketLine[]) => lines.map((line) => ({ ...line, at: line.at.toISOString() }));

/** The timeline entries of one type in the day, one line per ticket. */
const happened = (type: string) => `
  select distinct on (l.ticket_id) l.ticket_id as "ticketId", t.title, t.priority, l.at
    from reporting.timeline l join reporting.tickets t on t.ticket_id = l.ticket_id
   where t.period_id = $1 and l.type = '${type}' and l.at >= $2 and l.at < $3
   order by l.ticket_id, l.at`;

/**
 * The daily stand-up of a period for one UTC day: what came in, what was resolved, what
 * breached or escalated, what is stuck (open with nothing on its timeline for `stuckHours` by
 * the day's end), the day's top categories, the exit criteria that crossed, and the forecast.
 */
@Injectable()
export class StandupReport {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runtime: ServiceRuntime,
    private readonly evaluation: ExitEvaluation,
    private readonly readiness: ExitReadiness,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `day` is YYYY-MM-DD; yesterday (UTC) when absent. */
  async of(periodId: string, day: string | undefined, stuckHours: number) {
    const period = await this.evaluation.period(periodId);
    const from = day
      ? new Date(`${day}T00:00:00.000Z`)
      : new Date(Math.floor(this.clock.now().getTime() / DAY - 1) * DAY);
    if (from.getTime() > this.clock.now().getTime())
      throw new InvalidCommand([{ field: 'day', message: `${day} has not begun yet` }]);
    const to = new Date(from.getTime() + DAY);
    const lines = (type: string) => this.dataSource.query<TicketLine[]>(happened(type), [periodId, from, to]);
    const [reported, resolved, breached, escalated, stuck, categories, crossings, readiness] =
      await Promise.all([
        this.dataSource.query<TicketLine[]>(
          `select t.ticket_id as "ticketId", t.title, t.priority, t.reported_at as at from reporting.tickets t
          where t.period_id = $1 and t.reported_at >= $2 and t.reported_at < $3 order by t.reported_at, t.ticket_id`,
          [periodId, from, to],
        ),
        lines('hypercare.ticket.resolved.v1'),
        lines('hypercare.ticket.sla-breached.v1'),
        lines('hypercare.ticket.escalated.v1'),
        this.dataSource.query<TicketLine[]>(
          `select t.ticket_id as "ticketId", t.title, t.priority, max(l.at) as at
           from reporting.tickets t join reporting.timeline l on l.ticket_id = t.ticket_id and l.at < $2
          where t.period_id = $1 and ${OPEN} and t.reported_at < $2
          group by t.ticket_id, t.title, t.priority having max(l.at) < $3
          order by max(l.at), t.ticket_id`,
          [periodId, to, new Date(to.getTime() - stuckHours * HOUR)],
        ),
        this.dataSource.query<Array<{ category: string; count: number }>>(
          `select coalesce(category, 'untriaged') as category, count(*)::int as count from reporting.tickets
          where period_id = $1 and reported_at >= $2 and reported_at < $3 group by 1 order by 2 desc, 1 limit 3`,
          [periodId, from, to],
        ),
        this.runtime.store.readStreamOf(exitStream(periodId), exitContracts),
        this.readiness.of(periodId),
      ]);
    return {
      periodId,
      systemName: period.systemName,
      day: from.toISOString().slice(0, 10),
      stuckHours,
      reported: dated(reported),
      resolved: dated(resolved),
      breached: dated(breached),
      escalated: dated(escalated),
      stuck: dated(stuck),
      topCategories: categories,
      exitChanges: crossings
        .filter(({ data }) => data.at >= from.toISOString() && data.at < to.toISOString())
        .map(({ type, data }) => ({
          change: type.replace(/^hypercare\.exit\.|\.v1$/g, ''),
          criterion: 'criterion' in data ? data.criterion : null,
          at: data.at,
        })),
      exit: {
        ready: readiness.ready,
        forecast: readiness.criteria
          .filter(({ met }) => !met)
          .map(({ name, forecast }) => ({ criterion: name, metOn: forecast?.metOn ?? null })),
      },
    };
  }
}

export type Standup = Awaited<ReturnType<StandupReport['of']>>;
