import type { PulseQuestion } from '@hypercare/contracts';
import { type Issue, InvalidCommand } from '@hypercare/domain-kit';

/** Free-text answers are kept as text, shown escaped; this long at most. */
export const TEXT_ANSWER_MAX = 2_000;

export const questionIdOf = (index: number): string => `q${index + 1}`;

const problemWith = (question: PulseQuestion, answer: number | string): string | undefined => {
  switch (question.type) {
    case 'scale':
      return Number.isInteger(answer) && +answer >= 1 && +answer <= 5
        ? undefined
        : 'must be a whole number from 1 to 5';
    case 'nps':
      return Number.isInteger(answer) && +answer >= 0 && +answer <= 10
        ? undefined
        : 'must be a whole number from 0 to 10';
    case 'choice':
      return typeof answer === 'string' && question.options.includes(answer)
        ? undefined
        : `must be one of ${question.options.map((option) => JSON.stringify(option)).join(', ')}`;
    case 'text':
      if (typeof answer !== 'string') return 'must be text';
      return answer.trim().length > TEXT_ANSWER_MAX
        ? `must be at most ${TEXT_ANSWER_MAX} characters`
        : undefined;
  }
};

/**
 * The answers as they will be kept: each one to a question of the pulse and of its type, empty
 * texts dropped, at least one left. A 400 names every answer that is wrong.
 */
export const checkedAnswers = (
  questions: readonly PulseQuestion[],
  answers: Readonly<Record<string, number | string>>,
): Record<string, number | string> => {
  const issues: Issue[] = [];
  const kept: Record<string, number | string> = {};
  for (const [questionId, answer] of Object.entries(answers)) {
    // Only the ids the pulse gives (q1, not q01): results count answers by those ids.
    const question = questions.find((_, index) => questionIdOf(index) === questionId);
    const problem = question
      ? problemWith(question, answer)
      : `is not a question of this pulse (q1 to ${questionIdOf(questions.length - 1)})`;
    if (problem) issues.push({ field: `answers.${questionId}`, message: problem });
    else if (typeof answer !== 'string' || answer.trim())
      kept[questionId] = typeof answer === 'string' ? answer.trim() : answer;
  }
  if (!issues.length && !Object.keys(kept).length)
    issues.push({ field: 'answers', message: 'must answer at least one question' });
  if (issues.length) throw new InvalidCommand(issues);
  return kept;
};
