import { ANONYMITY_THRESHOLD } from '@hypercare/contracts';
import type { Query } from '../alerts/alert-figures.query';
import type { PulseFact } from './pulse-fact.entity';

/** One pulse on the dashboard; docs/domain.md defines each figure. */
export interface PulseFigures {
  pulseId: string;
  title: string;
  anonymous: boolean;
  status: string;
  rounds: number;
  invited: number;
  answered: number;
  responseRate: number | null;
  /** Anonymous and under ANONYMITY_THRESHOLD answers: its NPS and average are not shown. */
  suppressed: boolean;
  nps: number | null;
  scaleAverage: number | null;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** The period's pulses, oldest first, with their response rate, NPS and average scale answer. */
export const pulseFigures = async (query: Query, periodId: string): Promise<PulseFigures[]> => {
  const facts = await query<PulseFact>(
    `select pulse_id as "pulseId", title, anonymous, status, rounds, invited, answered, promoters, passives,
            detractors, scale_sum as "scaleSum", scale_count as "scaleCount"
       from reporting.pulse_facts where period_id = $1 order by scheduled_at, pulse_id`,
    [periodId],
  );
  return facts.map((fact) => {
    const suppressed = fact.anonymous && fact.answered < ANONYMITY_THRESHOLD;
    const scored = fact.promoters + fact.passives + fact.detractors;
    return {
      pulseId: fact.pulseId,
      title: fact.title,
      anonymous: fact.anonymous,
      status: fact.status,
      rounds: fact.rounds,
      invited: fact.invited,
      answered: fact.answered,
      responseRate: fact.invited ? round2(fact.answered / fact.invited) : null,
      suppressed,
      nps: suppressed || !scored ? null : Math.round(((fact.promoters - fact.detractors) / scored) * 100),
      scaleAverage: suppressed || !fact.scaleCount ? null : round2(fact.scaleSum / fact.scaleCount),
    };
  });
};
