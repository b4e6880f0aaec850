import { type Person, pulseAnswered, type Role } from '@hypercare/contracts';
import { documentProjection } from '@hypercare/projections';

interface AnswerRow {
  ballot: string;
  pulseId: string;
  round: number;
  group: Role | null;
  respondent: Person | null;
  answers: Record<string, number | string>;
  answeredAt: string;
}

/** The answers to pulses, one per ballot: what the results count. Anonymous ones name nobody. */
export const pulseAnswersProjection = documentProjection({
  name: 'pulse-answers',
  contracts: [pulseAnswered],
  documents: {
    table: 'feedback.pulse_answers',
    key: 'ballot',
    columns: {
      ballot: 'ballot',
      pulseId: 'pulse_id',
      round: 'round',
      group: 'grp',
      respondent: 'respondent',
      answers: 'answers',
      answeredAt: 'answered_at',
    },
  },
  keyOf: (event) => event.data.ballot,
  evolve: (_row: AnswerRow | undefined, event): AnswerRow => {
    const { ballot, pulseId, round, group, respondent, answers, answeredAt } = event.data;
    return {
      ballot,
      pulseId,
      round,
      group: group ?? null,
      respondent: respondent ?? null,
      answers,
      answeredAt,
    };
  },
});
