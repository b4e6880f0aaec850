import { cosine, normalised, termsOf, tfIdf, type Vector } from './question-vectors';

/** A question-shaped item: a report, a ticket or a free-feedback question. */
export interface Question {
  id: string;
  text: string;
  at: Date;
}

export interface ClusterSettings {
  /** How close (cosine of TF-IDF vectors) an item must be to a cluster's centre to join it. */
  joinAt: number;
  /** Items a cluster needs to be a training need. */
  minItems: number;
  /** The window the items of a need fall in. */
  windowDays: number;
}

export const DEFAULT_CLUSTER_SETTINGS: ClusterSettings = { joinAt: 0.12, minItems: 3, windowDays: 7 };

export interface QuestionCluster {
  ids: string[];
  /** The words that weigh most at the cluster's centre, most first. */
  topTerms: string[];
}

const DAY = 86_400_000;

/** The stems, and each two written next to each other as a phrase ("credit note", "cost centre"). */
const withPhrases = (list: ReadonlyArray<{ stem: string }>): string[] => [
  ...list.map(({ stem }) => stem),
  ...list.slice(1).map(({ stem }, index) => `${list[index]?.stem} ${stem}`),
];

interface Group {
  members: number[];
  first: number;
  last: number;
}

/**
 * Groups questions by what they ask: average-link agglomerative clustering of their TF-IDF
 * vectors. Starting from each question alone, the two groups closest on average (cosine) are
 * merged, as long as that average is at least `joinAt` and the merged group spans no more than
 * the window. Answers the groups of at least `minItems` questions: the training needs, each
 * with the words that weigh most at its centre.
 */
export const clusterQuestions = (
  questions: readonly Question[],
  settings: ClusterSettings = DEFAULT_CLUSTER_SETTINGS,
): QuestionCluster[] => {
  const ordered = [...questions].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
  const terms = ordered.map((question) => termsOf(question.text));
  const vectors = tfIdf(terms.map(withPhrases));
  const groups: Array<Group | undefined> = ordered.map((question, index) => ({
    members: [index],
    first: question.at.getTime(),
    last: question.at.getTime(),
  }));
  const similarity = vectors.map((a) => vectors.map((b) => cosine(a, b)));
  const window = settings.windowDays * DAY;
  for (;;) {
    let best: [number, number] | undefined;
    let closest = settings.joinAt;
    groups.forEach((a, i) => {
      if (!a || !vectors[i]?.size) return;
      for (let j = i + 1; j < groups.length; j++) {
        const b = groups[j];
        if (!b || (similarity[i]?.[j] ?? 0) < closest) continue;
        if (Math.max(a.last, b.last) - Math.min(a.first, b.first) > window) continue;
        [best, closest] = [[i, j], similarity[i]?.[j] ?? 0];
      }
    });
    if (!best) break;
    const [i, j] = best;
    const [a, b] = [groups[i] as Group, groups[j] as Group];
    // Average link: the merged group's similarity to each other is the size-weighted mean of its parts'.
    groups.forEach((other, k) => {
      if (!other || k === i || k === j) return;
      const merged =
        (a.members.length * (similarity[i]?.[k] ?? 0) + b.members.length * (similarity[j]?.[k] ?? 0)) /
        (a.members.length + b.members.length);
      (similarity[i] as number[])[k] = merged;
      (similarity[k] as number[])[i] = merged;
    });
    groups[i] = {
      members: [...a.members, ...b.members],
      first: Math.min(a.first, b.first),
      last: Math.max(a.last, b.last),
    };
    groups[j] = undefined;
  }
  return groups
    .filter((group): group is Group => group !== undefined && group.members.length >= settings.minItems)
    .map(({ members }) => {
      const centre = new Map<string, number>();
      for (const index of members)
        for (const [term, weight] of vectors[index] ?? []) centre.set(term, (centre.get(term) ?? 0) + weight);
      return {
        ids: members.map((index) => (ordered[index] as Question).id).sort(),
        topTerms: topTerms(
          normalised(centre),
          members.flatMap((index) => terms[index] ?? []),
        ),
      };
    });
};

/** The centre's heaviest single stems (not phrases), each as the word it was most often written as. */
const topTerms = (
  centre: Vector,
  seen: ReadonlyArray<{ stem: string; word: string }>,
  count = 5,
): string[] => {
  const written = new Map<string, Map<string, number>>();
  for (const { stem, word } of seen) {
    const words = written.get(stem) ?? new Map<string, number>();
    words.set(word, (words.get(word) ?? 0) + 1);
    written.set(stem, words);
  }
  return [...centre]
    .filter(([stem]) => !stem.includes(' '))
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, count)
    .map(
      ([stem]) =>
        [...(written.get(stem) ?? new Map([[stem, 1]]))].sort(([, x], [, y]) => y - x)[0]?.[0] ?? stem,
    );
};
