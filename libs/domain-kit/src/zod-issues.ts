import type { ZodError } from 'zod';
import type { Issue } from './errors';

/** `reporter.email`, `steps[2]`: where in a document a problem is. */
export const fieldPath = (path: Array<string | number>): string =>
  path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    '',
  );

export const issuesOf = (error: ZodError): Issue[] =>
  error.issues.map((issue) => ({ field: fieldPath(issue.path), message: issue.message }));
