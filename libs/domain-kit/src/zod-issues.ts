import type { ZodError } from 'zod';
import { InvalidCommand, type Issue } from './errors';

const pathOf = (path: Array<string | number>): string =>
  path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '');

export const issuesOf = (error: ZodError, prefix = ''): Issue[] =>
  error.issues.map((issue) => ({ field: pathOf([...(prefix ? [prefix] : []), ...issue.path]), message: issue.message }));

/** Parses `input` with `schema`, throwing InvalidCommand that names every bad field. */
export const parseOrThrow = <T>(schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: ZodError } }, input: unknown, prefix = ''): T => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidCommand(issuesOf(result.error, prefix));
};
