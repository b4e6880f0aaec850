import { z } from 'zod';

/** What someone may do, per period or programme (admin is programme- or platform-wide). */
export const ROLES = [
  'reporter',
  'agent',
  'lead',
  'analyst',
  'admin',
  'bau-consumer',
  'monitoring-source',
  'channel',
] as const;
export type Role = (typeof ROLES)[number];

/** Where a role holds: everywhere, in one programme, or in one period. */
export type Scope = { kind: 'platform' } | { kind: 'programme'; id: string } | { kind: 'period'; id: string };

export interface Grant {
  role: Role;
  scope: Scope;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/**
 * A grant written as text, the one form tokens' role claims and API keys share:
 * `admin` (platform-wide), `lead@programme:<id>`, `agent@period:<id>`.
 */
export const grantText = z
  .string()
  .max(200)
  .transform((text, context): Grant => {
    const [role, where, ...rest] = text.trim().split('@');
    if (!ROLES.includes(role as Role) || rest.length > 0) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message: `"${text}" is not a grant: a role (${ROLES.join(', ')}), optionally @programme:<id> or @period:<id>`,
      });
      return z.NEVER;
    }
    if (where === undefined) return { role: role as Role, scope: { kind: 'platform' } };
    const colon = where.indexOf(':');
    const kind = where.slice(0, colon);
    const id = where.slice(colon + 1);
    if (colon < 0 || (kind !== 'programme' && kind !== 'period') || !ID.test(id)) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message: `"${text}": the scope must be programme:<id> or period:<id> (letters, digits, . _ : -)`,
      });
      return z.NEVER;
    }
    return { role: role as Role, scope: { kind, id } };
  });

/** The text form of a grant, as `grantText` reads it. */
export const formatGrant = ({ role, scope }: Grant): string =>
  scope.kind === 'platform' ? role : `${role}@${scope.kind}:${scope.id}`;

/**
 * The grants among claim values: values that are not grants (an IdP sends every group a
 * person belongs to) are left out, not refused.
 */
export const grantsAmong = (values: readonly unknown[]): Grant[] =>
  values.flatMap((value) => {
    const parsed = grantText.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
