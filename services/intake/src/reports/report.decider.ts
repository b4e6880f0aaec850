import {
  type Channel,
  type EventOf,
  type PeriodStatus,
  type Person,
  type ReportContent,
  type reportContracts,
  reportAttached,
  reportCommented,
  reportDeflected,
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

export type ReportCommand =
  | {
      kind: 'submit';
      reportId: string;
      period: ReceivingPeriod;
      content: ReportContent & { channel: Channel; shownArticleIds?: string[] };
      at: string;
    }
  | {
      kind: 'deflect';
      reportId: string;
      period: ReceivingPeriod;
      reporter: Person;
      title: string;
      channel: Channel;
      articleIds: string[];
      at: string;
    }
  | { kind: 'comment'; author: Person; text: string; channel: Channel; at: string }
  | {
      kind: 'attach';
      attachmentId: string;
      filename: string;
      contentType: string;
      bytes: number;
      at: string;
    };

export type ReportEvent = EventOf<(typeof reportContracts)[number]>;

export type ReportState =
  { status: 'none' } | { status: 'submitted' | 'deflected'; reportId: string; periodId: string };

const ALLOWED: Record<ReportState['status'], ReportCommand['kind'][]> = {
  none: ['submit', 'deflect'],
  submitted: ['comment', 'attach'],
  deflected: [],
};

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

/** What a comment or a file adds to a submitted report. */
const additionTo = (
  { reportId, periodId }: { reportId: string; periodId: string },
  command: Extract<ReportCommand, { kind: 'comment' | 'attach' }>,
): ReportEvent => {
  if (command.kind === 'comment') {
    const { author, text, channel, at } = command;
    return {
      type: reportCommented.type,
      data: { reportId, periodId, author, text, channel, commentedAt: at },
    };
  }
  const { attachmentId, filename, contentType, bytes, at } = command;
  return {
    type: reportAttached.type,
    data: { reportId, periodId, attachmentId, filename, contentType, bytes, attachedAt: at },
  };
};

/**
 * A report: submitted once, to a period that takes reports, and triage opens its ticket; or
 * withdrawn before submission because suggested articles answered the reporter (deflected).
 * A submitted report takes comments and files through its channels whatever its period's
 * status, as its ticket does.
 */
export const reportDecider: Decider<ReportCommand, ReportEvent, ReportState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    if (command.kind === 'comment' || command.kind === 'attach') {
      if (state.status !== 'submitted')
        throw new IllegalTransition('report', command.kind, state.status, ALLOWED[state.status]);
      return [additionTo(state, command)];
    }
    if (state.status !== 'none')
      throw new IllegalTransition('report', command.kind, state.status, ALLOWED[state.status]);
    const refusal = REFUSAL[command.period.status];
    if (refusal) throw new Conflict(`period ${command.period.periodId} ${refusal}`);
    if (command.kind === 'deflect') {
      const { reportId, period, reporter, title, channel, articleIds, at } = command;
      return [
        {
          type: reportDeflected.type,
          data: {
            reportId,
            periodId: period.periodId,
            reporter,
            title,
            channel,
            articleIds,
            deflectedAt: at,
          },
        },
      ];
    }
    const { reportId, period, content, at } = command;
    return [
      {
        type: reportSubmitted.type,
        data: { ...content, reportId, periodId: period.periodId, submittedAt: at },
      },
    ];
  },

  // Comments and files come only to a submitted report, and name it: they leave it as it was.
  evolve: (_, event) => ({
    status: event.type === reportDeflected.type ? 'deflected' : 'submitted',
    reportId: event.data.reportId,
    periodId: event.data.periodId,
  }),
};
