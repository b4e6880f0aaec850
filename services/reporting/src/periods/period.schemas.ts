import { id, isoTime, PERIOD_STATUSES, periodConfiguration, priority, role } from '@hypercare/contracts';
import { z } from 'zod';

/** A row of the programme overview (`PeriodView`). */
export const periodRow = z.object({
  periodId: id,
  programmeId: id,
  programme: z
    .string()
    .nullable()
    .describe("The programme's name, as it is now; null until reporting has heard of the programme"),
  systemName: z.string(),
  status: z.enum(PERIOD_STATUSES),
  goLiveAt: isoTime,
  plannedEndAt: isoTime,
  activatedAt: isoTime.nullable(),
  closedAt: isoTime.nullable(),
  extensionCount: z.number().int(),
  configuration: periodConfiguration,
  version: z.number().int(),
});

const counts = z.record(z.number().int());
const minutes = z
  .number()
  .nullable()
  .describe('Minutes, rounded to one decimal; null with nothing to average');

/** The war room's numbers for one period (`periodDashboard`); docs/domain.md defines each. */
export const dashboard = z.object({
  periodId: id,
  tickets: z.object({ total: z.number().int(), open: z.number().int() }),
  byStatus: counts,
  byPriority: counts.describe('`untriaged` counts tickets with no priority yet'),
  byCategory: counts.describe('`untriaged` counts tickets with no category yet'),
  newPerDay: z.array(z.object({ day: z.string().describe('YYYY-MM-DD, UTC'), count: z.number().int() })),
  mttaMinutes: minutes,
  mttrMinutes: minutes,
  sla: z.object({
    met: z.number().int(),
    breached: z.number().int(),
    compliancePercent: z.number().nullable(),
  }),
  openEscalations: z.object({
    count: z.number().int(),
    tickets: z.array(
      z.object({
        ticketId: id,
        title: z.string(),
        priority: priority.nullable(),
        level: z.number().int(),
        escalatedTo: role.nullable(),
      }),
    ),
  }),
  alerts: z.object({
    raised: z.number().int().describe('Firings: an alert raised, or raised again after it resolved'),
    firingNow: z.number().int(),
    bySeverity: counts,
    bySource: counts,
    raisedPerDay: z.array(z.object({ day: z.string().describe('YYYY-MM-DD, UTC'), count: z.number().int() })),
    ticketsRequested: z.number().int(),
    linked: z.number().int().describe('Alerts that joined a ticket already open'),
    mttdMinutes: minutes.describe('Mean minutes from a firing to the ticket it asked for'),
    alertsPerTicket: z
      .number()
      .nullable()
      .describe('Alerts that asked for or joined a ticket, per such ticket'),
    notificationsPerFiring: z
      .number()
      .nullable()
      .describe('Times a source sent an alert per firing, over firings that resolved: what dedup folded'),
  }),
});
