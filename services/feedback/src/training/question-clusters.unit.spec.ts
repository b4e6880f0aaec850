import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clusterQuestions, type Question, type QuestionCluster } from './question-clusters';

interface Corpus {
  clusters: Record<string, string[]>;
  noise: string[];
}

const corpus = JSON.parse(readFileSync(join(__dirname, 'corpus', 'questions.corpus.json'), 'utf8')) as Corpus;
const START = Date.parse('2026-11-02T08:00:00.000Z');

/** The corpus as it would arrive: every need's questions and the noise interleaved over five days. */
const arrivals = (): { questions: Question[]; labelOf: Map<string, string | undefined> } => {
  const labelled = [
    ...Object.entries(corpus.clusters).flatMap(([label, texts]) => texts.map((text) => ({ label, text }))),
    ...corpus.noise.map((text) => ({ label: undefined, text })),
  ];
  // A fixed shuffle (a multiplicative step through the list), so the order mixes the needs.
  const step = 97;
  const questions = labelled.map((_, n) => {
    const item = labelled[(n * step) % labelled.length] as { label?: string; text: string };
    return {
      id: `q${String(n).padStart(3, '0')}`,
      text: item.text,
      at: new Date(START + n * 30 * 60_000),
      label: item.label,
    };
  });
  return { questions, labelOf: new Map(questions.map(({ id, label }) => [id, label])) };
};

/**
 * Pairwise precision and recall of the needs found: of the pairs of questions put in one need,
 * the share asking the same thing; of the pairs asking the same thing, the share put in one need.
 */
const pairwise = (found: QuestionCluster[], labelOf: Map<string, string | undefined>) => {
  let together = 0;
  let right = 0;
  const pairsOf = (n: number) => (n * (n - 1)) / 2;
  for (const { ids } of found)
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        together++;
        const label = labelOf.get(ids[i] as string);
        if (label !== undefined && label === labelOf.get(ids[j] as string)) right++;
      }
  const truePairs = Object.values(corpus.clusters).reduce((sum, texts) => sum + pairsOf(texts.length), 0);
  return { precision: right / together, recall: right / truePairs };
};

describe('training-need detection on the labelled corpus', () => {
  it('uses a corpus of at least 200 questions in 20 or more needs, with noise', () => {
    const needs = Object.values(corpus.clusters);
    expect(needs.length).toBeGreaterThanOrEqual(20);
    expect(needs.flat().length + corpus.noise.length).toBeGreaterThanOrEqual(200);
    expect(corpus.noise.length).toBeGreaterThan(0);
  });

  it('finds the needs with pairwise precision and recall of at least 0.8 each', () => {
    const { questions, labelOf } = arrivals();
    const found = clusterQuestions(questions);
    const { precision, recall } = pairwise(found, labelOf);
    process.stdout.write(
      `training needs: ${found.length} found for ${Object.keys(corpus.clusters).length} in the corpus; pairwise precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\n`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.8);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });

  it('names a need by the words its questions share', () => {
    const { questions } = arrivals();
    const found = clusterQuestions(questions);
    const invoices = found.find(({ topTerms }) => topTerms.includes('credit'));
    expect(invoices?.topTerms.slice(0, 3)).toEqual(expect.arrayContaining(['credit', 'note']));
  });

  it('keeps questions further apart than the window out of one need, and needs fewer than three questions nowhere', () => {
    const at = (days: number) => new Date(START + days * 86_400_000);
    const asked = (id: string, days: number) => ({ id, text: 'How do I reset my password?', at: at(days) });
    expect(clusterQuestions([asked('a', 0), asked('b', 1)])).toEqual([]);
    expect(clusterQuestions([asked('a', 0), asked('b', 1), asked('c', 2)]).map(({ ids }) => ids)).toEqual([
      ['a', 'b', 'c'],
    ]);
    expect(clusterQuestions([asked('a', 0), asked('b', 1), asked('c', 8)])).toEqual([]);
  });
});
