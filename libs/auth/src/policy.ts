import type { Grant, Role } from './grants';
import type { Principal } from './principal';

/** What a route lets its caller do; each route declares one (see `Access`). */
export const PERMISSIONS = [
  'period.plan',
  'period.read',
  'period.manage',
  'report.submit',
  'report.read',
  'ticket.read',
  'ticket.work',
  'ticket.comment',
  'reporting.read',
  'platform.admin',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What support staff do; a lead does it too, and manages the period. */
const AGENT: readonly Permission[] = [
  'period.read',
  'report.submit',
  'report.read',
  'ticket.read',
  'ticket.work',
  'ticket.comment',
  'reporting.read',
];

/**
 * The policy, in one table: what each role may do wherever it is granted. A reporter's
 * reads and comments reach only what they reported themselves (`OWN_ONLY`). A BAU consumer
 * may read the periods it is granted; the handoff feed it exists for comes with the exit work.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  reporter: ['report.submit', 'report.read', 'ticket.read', 'ticket.comment'],
  agent: AGENT,
  lead: [...AGENT, 'period.manage'],
  analyst: ['period.read', 'report.read', 'ticket.read', 'reporting.read'],
  admin: PERMISSIONS,
  'bau-consumer': ['period.read'],
};

/** Permissions a reporter holds only over what they reported. */
export const OWN_ONLY: ReadonlySet<Permission> = new Set(['report.read', 'ticket.read', 'ticket.comment']);

/** Where a resource lives, as far as who may reach it goes. */
export interface ResourcePlace {
  periodId: string;
  /** The reporter's email, for resources a reporter may reach when they are their own. */
  reporter?: string;
}

const covers = (grant: Grant, periodId: string | undefined): boolean =>
  grant.scope.kind === 'platform' || (grant.scope.kind === 'period' && grant.scope.id === periodId);

const sameEmail = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

/**
 * Whether the principal may do `permission` at `place` (absent: platform-wide). Programme
 * grants count once programmes are first-class; until then they reach nothing.
 */
export const allows = (principal: Principal, permission: Permission, place?: ResourcePlace): boolean =>
  principal.grants.some((grant) => {
    if (!ROLE_PERMISSIONS[grant.role].includes(permission) || !covers(grant, place?.periodId)) return false;
    if (grant.role !== 'reporter' || !OWN_ONLY.has(permission)) return true;
    return sameEmail(principal.email, place?.reporter);
  });

/**
 * Whether the principal may submit reports to the period only as a reporter, that is, only
 * as themselves: the report must name the email its identity provider vouches for. Agents,
 * leads and admins may report on someone's behalf.
 */
export const reportsOnlyAsSelf = (principal: Principal, periodId: string): boolean =>
  !principal.grants.some(
    (grant) =>
      grant.role !== 'reporter' &&
      ROLE_PERMISSIONS[grant.role].includes('report.submit') &&
      covers(grant, periodId),
  );

/** The periods whose rows a list may show the principal: every one, or those its grants name. */
export const visiblePeriods = (principal: Principal, permission: Permission): 'all' | string[] => {
  const granting = principal.grants.filter((grant) => ROLE_PERMISSIONS[grant.role].includes(permission));
  if (granting.some((grant) => grant.scope.kind === 'platform')) return 'all';
  return [...new Set(granting.flatMap((grant) => (grant.scope.kind === 'period' ? [grant.scope.id] : [])))];
};
