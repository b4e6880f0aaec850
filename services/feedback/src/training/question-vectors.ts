import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const nlp = winkNLP(model);
const its = nlp.its;
// wink-nlp's typings give its stemmer another signature than the helpers `out` takes; it is one.
const stemOf = its.stem as unknown as typeof its.normal;

/**
 * Words every "how do I" question carries whatever it is about: left out so two questions are
 * close for what they ask, not for how they ask it.
 */
const QUESTION_WORDS = new Set(
  [
    'how',
    'where',
    'what',
    'which',
    'way',
    'need',
    'help',
    'find',
    'can',
    'cannot',
    'step',
    'screen',
    'new',
    'system',
    'do',
    'use',
    'work',
    'button',
    'option',
    'menu',
    'show',
  ].map((word) => nlp.readDoc(word).tokens().out(stemOf)[0] as string),
);

/**
 * Words a finance go-live's users write for the same thing: each read as the first, so "PO"
 * and "purchase order", "vendor" and "supplier", "hours" and "timesheet" meet.
 */
const GLOSSARY: ReadonlyArray<readonly [string, RegExp]> = [
  ['purchase order', /\bpos?\b/gi],
  ['supplier', /\bvendors?\b/gi],
  ['cost centre', /\bcost cent(er|re)s?\b|\bdepartments?\b/gi],
  ['timesheet', /\bhours\b|\btime sheets?\b/gi],
  ['excel', /\bspreadsheets?\b|\bxlsx\b/gi],
  ['holiday', /\bvacation\b|\bleave\b|\baway\b|\babsence\b|\bout of office\b/gi],
  ['mobile app', /\bphone app\b|\bphone\b|\bapp\b/gi],
  ['exchange rate', /\bcurrency rates?\b|\bfx rates?\b/gi],
  ['bank details', /\biban\b|\bbank accounts?\b/gi],
  ['goods receipt', /\bdelivery\b|\bdelivered\b|\bgoods received\b/gi],
  ['dashboard', /\bhome (page|screen)\b|\bstart page\b|\btiles?\b|\bwidgets?\b/gi],
  ['recurring', /\brepeating\b|\brepeat\b|\bevery month\b|\bmonthly\b/gi],
];

const withGlossary = (text: string): string =>
  GLOSSARY.reduce((written, [canonical, variants]) => written.replace(variants, canonical), text);

/** A text as the stems that say what it is about, each with the word it was written as. */
export const termsOf = (text: string): Array<{ stem: string; word: string }> => {
  const words = nlp
    .readDoc(withGlossary(text))
    .tokens()
    .filter((token) => token.out(its.type) === 'word' && !token.out(its.stopWordFlag));
  const normals = words.out(its.normal);
  return words
    .out(stemOf)
    .map((stem, index) => ({ stem, word: normals[index] as string }))
    .filter(({ stem }) => stem.length > 1 && !QUESTION_WORDS.has(stem));
};

/** A sparse vector of unit length. */
export type Vector = Map<string, number>;

export const cosine = (a: Vector, b: Vector): number => {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);
  return sum;
};

export const normalised = (vector: Vector): Vector => {
  const length = Math.sqrt([...vector.values()].reduce((sum, weight) => sum + weight * weight, 0));
  return length ? new Map([...vector].map(([term, weight]) => [term, weight / length])) : vector;
};

/**
 * TF-IDF vectors of a set of texts, each of unit length: a term weighs more the rarer it is in
 * the set, so "invoice" counts for less among finance questions than "credit".
 */
export const tfIdf = (terms: ReadonlyArray<readonly string[]>): Vector[] => {
  const documents = new Map<string, number>();
  for (const stems of terms)
    for (const stem of new Set(stems)) documents.set(stem, (documents.get(stem) ?? 0) + 1);
  return terms.map((stems) => {
    const vector: Vector = new Map();
    for (const stem of stems) vector.set(stem, (vector.get(stem) ?? 0) + 1);
    for (const [stem, count] of vector)
      vector.set(stem, count * (Math.log((1 + terms.length) / (1 + (documents.get(stem) ?? 0))) + 1));
    return normalised(vector);
  });
};
