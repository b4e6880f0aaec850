import { z } from 'zod';

/**
 * An ISO 8601 date-time with `Z` or an offset, seconds and fractions optional, leap days
 * checked: what zod's `datetime({ offset: true })` accepts, compiled once. zod builds that
 * regex again on every parse, which costs an alert storm more than the rest of its validation.
 */
export const ISO_DATE_TIME =
  /^((\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-((0[13578]|1[02])-(0[1-9]|[12]\d|3[01])|(0[469]|11)-(0[1-9]|[12]\d|30)|(02)-(0[1-9]|1\d|2[0-8])))T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|([+-]\d{2}:?\d{2}))$/;

export const isoDateTime = (): z.ZodString => z.string().regex(ISO_DATE_TIME, 'Invalid datetime');

/** Whether a zod definition is `isoDateTime()`: JSON Schema documents it as `format: date-time`. */
export const isIsoDateTime = (def: unknown): boolean => {
  const { typeName, checks } = def as { typeName?: string; checks?: Array<{ kind: string; regex?: RegExp }> };
  return (
    typeName === 'ZodString' &&
    !!checks?.some((check) => check.kind === 'regex' && check.regex === ISO_DATE_TIME)
  );
};
