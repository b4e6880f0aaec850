import { ANONYMITY_THRESHOLD, type PulseQuestion } from '@hypercare/contracts';
import { questionIdOf } from './pulse-answers';

export interface CountedAnswer {
  respondent: { name: string; email: string } | null;
  answers: Record<string, number | string>;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const tally = (values: readonly number[], scale: readonly number[]) =>
  Object.fromEntries(scale.map((point) => [point, values.filter((value) => value === point).length]));
const mean = (values: readonly number[]): number | null =>
  values.length
    ? Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100
    : null;

/**
 * NPS: the share of promoters (9–10) less the share of detractors (0–6), from -100 to 100,
 * rounded; null before any answer.
 */
export const npsOf = (scores: readonly number[]): number | null => {
  if (!scores.length) return null;
  const promoters = scores.filter((score) => score >= 9).length;
  const detractors = scores.filter((score) => score <= 6).length;
  return Math.round(((promoters - detractors) / scores.length) * 100);
};

const figureOf = (
  question: PulseQuestion,
  index: number,
  answers: readonly CountedAnswer[],
  anonymous: boolean,
) => {
  const id = questionIdOf(index);
  const given = answers.flatMap((answer) =>
    id in answer.answers ? [{ ...answer, value: answer.answers[id] }] : [],
  );
  const numbers = given.map(({ value }) => Number(value));
  const base = { id, text: question.text, answered: given.length };
  switch (question.type) {
    case 'scale':
      return {
        ...base,
        type: question.type,
        average: mean(numbers),
        distribution: tally(numbers, range(1, 5)),
      };
    case 'nps':
      return {
        ...base,
        type: question.type,
        nps: npsOf(numbers),
        promoters: numbers.filter((score) => score >= 9).length,
        passives: numbers.filter((score) => score === 7 || score === 8).length,
        detractors: numbers.filter((score) => score <= 6).length,
        distribution: tally(numbers, range(0, 10)),
      };
    case 'choice':
      return {
        ...base,
        type: question.type,
        counts: question.options.map((option) => ({
          option,
          count: given.filter(({ value }) => value === option).length,
        })),
      };
    case 'text': {
      // Anonymous texts come sorted, not in the order they arrived, which could tell who wrote them.
      const texts = given.map(({ value, respondent }) => ({
        text: String(value),
        ...(anonymous || !respondent ? {} : { respondent }),
      }));
      return {
        ...base,
        type: question.type,
        texts: anonymous ? texts.sort((a, b) => a.text.localeCompare(b.text)) : texts,
      };
    }
  }
};

/**
 * The figures of one group of answers (a round, a role, the whole pulse). An anonymous pulse
 * shows none for a group of fewer than ANONYMITY_THRESHOLD answers: only that it is suppressed.
 */
export const figuresOf = (
  questions: readonly PulseQuestion[],
  answers: readonly CountedAnswer[],
  anonymous: boolean,
) =>
  anonymous && answers.length < ANONYMITY_THRESHOLD
    ? { answered: answers.length, suppressed: true as const }
    : {
        answered: answers.length,
        suppressed: false as const,
        questions: questions.map((question, index) => figureOf(question, index, answers, anonymous)),
      };
