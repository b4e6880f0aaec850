import type { ZodError } from 'zod';
import { InvalidCommand, type Issue } from './errors';

/** `reporter.email`, `steps[2]`: where in a document a problem is. */
export const fieldPath = (path: Array<string | number>): string =>
  path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    '',
  );

export const issuesOf = (error: ZodError, prefix = ''): Issue[] =>
  error.issues.map((issue) => ({
    field: fieldPath([...(prefix ? [prefix] : []), ...issue.path]),
    message: issue.message,
  }));

/** Parses `input` with `schema`, throwing InvalidCommand that names every bad field. */
export const parseOrThrow = <T>(
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: ZodError } },
  input: unknown,
  prefix = '',
): T => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidCommand(issuesOf(result.error, prefix));
};
