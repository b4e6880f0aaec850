import {
  type Channel,
  type EventOf,
  type PeriodStatus,
  type ReportContent,
  reportSubmitted,
} from '@hypercare/contracts';
import { Conflict, IllegalTransition } from '@hypercare/domain-kit';
import type { Decider } from '@hypercare/event-store';

export const reportStream = (reportId: string): string => `report-${reportId}`;

/** The period a report goes to, as intake knows it when the command is made. */
export interface ReceivingPeriod {
  periodId: string;
  status: PeriodStatus;
}

export type ReportCommand = {
  kind: 'submit';
  reportId: string;
  period: ReceivingPeriod;
  content: ReportContent & { channel: Channel };
  at: string;
};

export type ReportEvent = EventOf<typeof reportSubmitted>;

export type ReportState = { status: 'none' } | { status: 'submitted'; reportId: string; periodId: string };

/**
 * Why a period in each status refuses reports. An active period takes them, and so does one
 * in exit review: problems found while the exit is weighed are what the review must see.
 */
const REFUSAL: Record<PeriodStatus, string | undefined> = {
  planned: 'is not active yet: reports open when it goes live',
  active: undefined,
  'exit-review': undefined,
  closed: 'is closed: report to business-as-usual support',
};

/** A report: submitted once, to a period that takes reports. Triage opens its ticket. */
export const reportDecider: Decider<ReportCommand, ReportEvent, ReportState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    if (state.status !== 'none') throw new IllegalTransition('report', command.kind, state.status, []);
    const refusal = REFUSAL[command.period.status];
    if (refusal) throw new Conflict(`period ${command.period.periodId} ${refusal}`);
    const { reportId, period, content, at } = command;
    return [
      {
        type: reportSubmitted.type,
        data: { ...content, reportId, periodId: period.periodId, submittedAt: at },
      },
    ];
  },

  evolve: (_, event) => ({
    status: 'submitted',
    reportId: event.data.reportId,
    periodId: event.data.periodId,
  }),
};
