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
export const unstorableStrings = (value: unknown, path: Array<string | number> = []): Issue[] => {
  if (typeof value === 'string') {
    if (!UNSTORABLE.test(value)) return [];
    const what = value.includes('\u0000')
      ? 'a NUL character'
      : 'half of a surrogate pair (not a whole character)';
    return [{ field: fieldPath(path), message: `contains ${what}, which cannot be stored` }];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => unstorableStrings(item, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => unstorableStrings(item, [...path, key]));
  }
  return [];
};
