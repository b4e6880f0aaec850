import {
  type PulseAudience,
  pulseContracts,
  type PulseQuestion,
  type PulseSchedule,
} from '@hypercare/contracts';
import { documentProjection } from '@hypercare/projections';
import { roundStartOf } from './pulse.decider';

export interface RoundSummary {
  round: number;
  openedAt: string;
  closesAt: string;
  invited: number;
}

export interface PulseRow {
  pulseId: string;
  periodId: string;
  title: string;
  questions: PulseQuestion[];
  audience: PulseAudience;
  schedule: PulseSchedule;
  anonymous: boolean;
  status: 'running' | 'ended';
  rounds: RoundSummary[];
  nextRoundAt: string | null;
  scheduledAt: string;
  ended: { reason: string; at: string } | null;
}

const nextRoundAfter = (schedule: PulseSchedule, round: number): string =>
  new Date(roundStartOf(schedule, round + 1)).toISOString();

/** The pulses from feedback's own events: what the list, the results and the scheduler (by `nextRoundAt`) read. */
export const pulsesProjection = documentProjection({
  name: 'pulses',
  contracts: pulseContracts,
  documents: {
    table: 'feedback.pulses',
    key: 'pulseId',
    columns: {
      pulseId: 'pulse_id',
      periodId: 'period_id',
      title: 'title',
      questions: 'questions',
      audience: 'audience',
      schedule: 'schedule',
      anonymous: 'anonymous',
      status: 'status',
      rounds: 'rounds',
      nextRoundAt: 'next_round_at',
      scheduledAt: 'scheduled_at',
      ended: 'ended',
    },
  },
  keyOf: (event) => event.data.pulseId,
  evolve: (row: PulseRow | undefined, event): PulseRow | undefined => {
    switch (event.type) {
      case 'hypercare.pulse.scheduled.v1': {
        const { by: _by, at, ...pulse } = event.data;
        return {
          ...pulse,
          status: 'running',
          rounds: [],
          nextRoundAt: pulse.schedule.startsAt,
          scheduledAt: at,
          ended: null,
        };
      }
      case 'hypercare.pulse.round-opened.v1': {
        if (!row) return row;
        const { round, openedAt, closesAt, invitations } = event.data;
        return {
          ...row,
          rounds: [...row.rounds, { round, openedAt, closesAt, invited: invitations.length }],
          nextRoundAt: row.status === 'running' ? nextRoundAfter(row.schedule, round) : null,
        };
      }
      case 'hypercare.pulse.ended.v1':
        return (
          row && {
            ...row,
            status: 'ended',
            nextRoundAt: null,
            ended: { reason: event.data.reason, at: event.data.at },
          }
        );
      default:
        return row;
    }
  },
});
