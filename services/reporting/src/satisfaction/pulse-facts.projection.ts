import { pulseContracts } from '@hypercare/contracts';
import { documentProjection, entityTable } from '@hypercare/projections';
import { PulseFact } from './pulse-fact.entity';

const tallied = (fact: PulseFact, answers: Record<string, number | string>): PulseFact => {
  const next = { ...fact, answered: fact.answered + 1 };
  for (const [questionId, answer] of Object.entries(answers)) {
    if (typeof answer !== 'number') continue;
    const type = fact.questionTypes[questionId];
    if (type === 'scale') {
      next.scaleSum += answer;
      next.scaleCount += 1;
    } else if (type === 'nps') {
      if (answer >= 9) next.promoters += 1;
      else if (answer >= 7) next.passives += 1;
      else next.detractors += 1;
    }
  }
  return next;
};

/** Each pulse survey, tallied as its rounds open and its answers come, for the dashboard's pulse figures. */
export const pulseFactsProjection = documentProjection({
  name: 'pulse-facts',
  contracts: pulseContracts,
  documents: entityTable(PulseFact, 'pulseId'),
  keyOf: (event) => event.data.pulseId,
  evolve: (fact: PulseFact | undefined, event): PulseFact | undefined => {
    switch (event.type) {
      case 'hypercare.pulse.scheduled.v1': {
        const { pulseId, periodId, title, anonymous, questions, at } = event.data;
        const questionTypes = Object.fromEntries(questions.map(({ type }, index) => [`q${index + 1}`, type]));
        return {
          pulseId,
          periodId,
          title,
          anonymous,
          scheduledAt: new Date(at),
          status: 'running',
          questionTypes,
          rounds: 0,
          invited: 0,
          answered: 0,
          promoters: 0,
          passives: 0,
          detractors: 0,
          scaleSum: 0,
          scaleCount: 0,
        };
      }
      case 'hypercare.pulse.round-opened.v1':
        return (
          fact && { ...fact, rounds: fact.rounds + 1, invited: fact.invited + event.data.invitations.length }
        );
      case 'hypercare.pulse.answered.v1':
        return fact && tallied(fact, event.data.answers);
      case 'hypercare.pulse.ended.v1':
        return fact && { ...fact, status: 'ended' };
    }
  },
});
