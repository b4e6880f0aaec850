import type {
  EventData,
  EventOf,
  Person,
  PulseQuestion,
  PulseSchedule,
  pulseContracts,
  pulseInvitation,
  pulseScheduled,
  Role,
} from '@hypercare/contracts';
import { Conflict, Gone, InvalidCommand, NotFound } from '@hypercare/domain-kit';
import type { Decider } from '@hypercare/event-store';
import type { z } from 'zod';
import { checkedAnswers } from './pulse-answers';

const DAY = 86_400_000;
const INTERVAL: Record<PulseSchedule['every'], number | undefined> = {
  once: undefined,
  daily: DAY,
  weekly: 7 * DAY,
};

export const pulseStream = (pulseId: string): string => `pulse-${pulseId}`;

type Invitation = z.infer<typeof pulseInvitation>;
type Act = { pulseId: string; periodId: string; at: string };

export type PulseCommand =
  | (Act & { kind: 'schedule' } & Omit<EventData<typeof pulseScheduled>, 'pulseId' | 'periodId' | 'at'>)
  | (Act & { kind: 'open-round'; invitations: Invitation[]; validDays: number })
  | (Act & {
      kind: 'answer';
      round: number;
      invitationId: string;
      ballot: string;
      answers: Record<string, number | string>;
    })
  | (Act & { kind: 'stop' | 'end-with-period' });

export type PulseEvent = EventOf<(typeof pulseContracts)[number]>;

interface Round {
  closesAt: string;
  invitations: Map<string, { recipient: Person; group?: Role }>;
}

export type PulseState =
  | { status: 'none' }
  | {
      status: 'running' | 'ended';
      periodId: string;
      questions: PulseQuestion[];
      schedule: PulseSchedule;
      anonymous: boolean;
      rounds: Map<number, Round>;
      ballots: Set<string>;
    };

/** When round `round` of a schedule opens. */
export const roundStartOf = (schedule: PulseSchedule, round: number): number =>
  Date.parse(schedule.startsAt) + (round - 1) * (INTERVAL[schedule.every] ?? 0);

/** The round due at `at`: the latest whose start has passed (rounds missed while nobody looked are skipped). */
const roundDueAt = (schedule: PulseSchedule, at: number): number => {
  const interval = INTERVAL[schedule.every];
  return interval ? Math.floor((at - Date.parse(schedule.startsAt)) / interval) + 1 : 1;
};

const isLastRound = (schedule: PulseSchedule, round: number): boolean =>
  !INTERVAL[schedule.every] ||
  (schedule.until !== undefined && roundStartOf(schedule, round + 1) > Date.parse(schedule.until));

const ended = (command: Act, reason: 'schedule-done' | 'period-closed' | 'stopped'): PulseEvent => ({
  type: 'hypercare.pulse.ended.v1',
  data: { pulseId: command.pulseId, periodId: command.periodId, reason, at: command.at },
});

/**
 * A pulse survey: scheduled with its questions, audience and cadence; its rounds open when
 * due, each inviting the audience of that moment; each invitation answers once, until the
 * round closes (at the next round, or after the period's survey validity). Anonymous answers
 * carry no one's name, only a ballot that stops a second answer.
 */
export const pulseDecider: Decider<PulseCommand, PulseEvent, PulseState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    const ref = { pulseId: command.pulseId, periodId: command.periodId };
    if (command.kind === 'schedule') {
      if (state.status !== 'none') throw new Conflict(`pulse ${command.pulseId} is already scheduled`);
      const { kind: _kind, ...pulse } = command;
      if (pulse.schedule.until && pulse.schedule.until <= pulse.schedule.startsAt)
        throw new InvalidCommand([{ field: 'schedule.until', message: 'must be after schedule.startsAt' }]);
      return [{ type: 'hypercare.pulse.scheduled.v1', data: pulse }];
    }
    if (state.status === 'none' || state.periodId !== command.periodId)
      throw new NotFound('pulse', command.pulseId);
    switch (command.kind) {
      case 'open-round': {
        const at = Date.parse(command.at);
        const round = roundDueAt(state.schedule, at);
        if (state.status !== 'running' || at < roundStartOf(state.schedule, 1) || state.rounds.has(round))
          return [];
        const { until } = state.schedule;
        if (until && roundStartOf(state.schedule, round) > Date.parse(until))
          return [ended(command, 'schedule-done')];
        const interval = INTERVAL[state.schedule.every];
        const validUntil = at + command.validDays * DAY;
        const closesAt = interval
          ? Math.min(roundStartOf(state.schedule, round + 1), validUntil)
          : validUntil;
        const opened: PulseEvent = {
          type: 'hypercare.pulse.round-opened.v1',
          data: {
            ...ref,
            round,
            openedAt: command.at,
            closesAt: new Date(closesAt).toISOString(),
            invitations: command.invitations,
          },
        };
        return isLastRound(state.schedule, round) ? [opened, ended(command, 'schedule-done')] : [opened];
      }
      case 'answer': {
        const round = state.rounds.get(command.round);
        const invitation = round?.invitations.get(command.invitationId);
        if (!round || !invitation) throw new NotFound('pulse invitation', command.invitationId);
        if (state.ballots.has(command.ballot))
          throw new Conflict('This invitation was answered already; it takes one answer');
        if (command.at >= round.closesAt)
          throw new Gone(`This round of the pulse closed at ${round.closesAt}`);
        const answers = checkedAnswers(state.questions, command.answers);
        const who = state.anonymous ? {} : { respondent: invitation.recipient };
        return [
          {
            type: 'hypercare.pulse.answered.v1',
            data: {
              ...ref,
              round: command.round,
              ballot: command.ballot,
              ...who,
              ...(invitation.group ? { group: invitation.group } : {}),
              answers,
              answeredAt: command.at,
            },
          },
        ];
      }
      case 'stop':
        if (state.status === 'ended') throw new Conflict(`pulse ${command.pulseId} has ended already`);
        return [ended(command, 'stopped')];
      case 'end-with-period':
        return state.status === 'ended' ? [] : [ended(command, 'period-closed')];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'hypercare.pulse.scheduled.v1': {
        const { periodId, questions, schedule, anonymous } = event.data;
        return {
          status: 'running',
          periodId,
          questions,
          schedule,
          anonymous,
          rounds: new Map(),
          ballots: new Set(),
        };
      }
      case 'hypercare.pulse.round-opened.v1': {
        if (state.status === 'none') return state;
        const invitations = new Map(
          event.data.invitations.map(({ invitationId, ...invited }) => [invitationId, invited]),
        );
        const rounds = new Map(state.rounds).set(event.data.round, {
          closesAt: event.data.closesAt,
          invitations,
        });
        return { ...state, rounds };
      }
      case 'hypercare.pulse.answered.v1':
        return state.status === 'none'
          ? state
          : { ...state, ballots: new Set(state.ballots).add(event.data.ballot) };
      case 'hypercare.pulse.ended.v1':
        return state.status === 'none' ? state : { ...state, status: 'ended' };
    }
  },
};
