import type { Issue } from './errors';
import { fieldPath } from './zod-issues';

/** A NUL (matched on purpose: it is what PostgreSQL refuses), or half of a surrogate pair without its other half. */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Every string in `value` that cannot be stored, with where it is. JSON can carry them, and
 * zod's `string()` accepts them, but PostgreSQL refuses them in JSON and text: checked with
 * every contract and every request, so no event holding one is ever written.
 */
export const unstorableStrings = (value: unknown): Issue[] => {
  const issues: Issue[] = [];
  collect(value, [], issues);
  return issues;
};

/** One walk with one path, extended and taken back in place: every request and event is walked, and most hold no issue. */
const collect = (value: unknown, path: Array<string | number>, issues: Issue[]): void => {
  if (typeof value === 'string') {
    if (!UNSTORABLE.test(value)) return;
    const what = value.includes('\u0000')
      ? 'a NUL character'
      : 'half of a surrogate pair (not a whole character)';
    issues.push({ field: fieldPath(path), message: `contains ${what}, which cannot be stored` });
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      collect(value[index], path, issues);
      path.pop();
    }
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      path.push(key);
      collect((value as Record<string, unknown>)[key], path, issues);
      path.pop();
    }
  }
};
