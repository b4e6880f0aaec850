import type { Grant, Role } from './grants';
import type { Principal } from './principal';

/** What a route lets its caller do; each route declares one (see `Access`). */
export const PERMISSIONS = [
  'programme.read',
  'programme.manage',
  'period.plan',
  'period.read',
  'period.manage',
  'report.submit',
  'report.read',
  'ticket.read',
  'ticket.work',
  'ticket.comment',
  'reporting.read',
  'history.read',
  'postmortem.write',
  'alert.send',
  'report.relay',
  'platform.admin',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What support staff do; a lead does it too, and manages the period. */
const AGENT: readonly Permission[] = [
  'programme.read',
  'period.read',
  'report.submit',
  'report.read',
  'ticket.read',
  'ticket.work',
  'ticket.comment',
  'reporting.read',
];

/**
 * The policy, in one table: what each role may do wherever it is granted. A lead plans
 * periods where it is granted a programme; granted a period, there is nowhere to plan one.
 * Only an admin renames a programme. A reporter's reads and comments reach only what they
 * reported themselves (`OWN_ONLY`). A BAU consumer may read the periods it is granted; the
 * handoff feed it exists for comes with the exit work. A monitoring source only sends alerts;
 * a channel (a mail relay) only relays what people wrote, in their names.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  reporter: ['report.submit', 'report.read', 'ticket.read', 'ticket.comment'],
  agent: AGENT,
  lead: [...AGENT, 'period.manage', 'period.plan', 'history.read', 'postmortem.write'],
  analyst: [
    'programme.read',
    'period.read',
    'report.read',
    'ticket.read',
    'reporting.read',
    'history.read',
    'postmortem.write',
  ],
  admin: PERMISSIONS,
  'bau-consumer': ['programme.read', 'period.read'],
  'monitoring-source': ['alert.send'],
  channel: ['report.relay'],
};

/** Permissions a reporter holds only over what they reported. */
export const OWN_ONLY: ReadonlySet<Permission> = new Set(['report.read', 'ticket.read', 'ticket.comment']);

/**
 * Where a resource lives, as far as who may reach it goes: a programme, or a period (and the
 * programme it belongs to, once the guard has looked it up for a programme grant).
 */
export interface ResourcePlace {
  periodId?: string;
  programmeId?: string;
  /** The reporter's email, for resources a reporter may reach when they are their own. */
  reporter?: string;
}

const covers = (grant: Grant, place: ResourcePlace | undefined): boolean => {
  const { kind } = grant.scope;
  if (kind === 'platform') return true;
  const id = kind === 'period' ? place?.periodId : place?.programmeId;
  return id !== undefined && grant.scope.id === id;
};

/** Whether the principal holds a programme grant, so a period's programme matters to the policy. */
export const grantsByProgramme = (principal: Principal): boolean =>
  principal.grants.some((grant) => grant.scope.kind === 'programme');

const sameEmail = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

/**
 * Whether the principal may do `permission` at `place` (absent: platform-wide). A programme
 * grant reaches the programme and every period of it, when the place names the programme.
 */
export const allows = (principal: Principal, permission: Permission, place?: ResourcePlace): boolean =>
  principal.grants.some((grant) => {
    if (!ROLE_PERMISSIONS[grant.role].includes(permission) || !covers(grant, place)) return false;
    if (grant.role !== 'reporter' || !OWN_ONLY.has(permission)) return true;
    return sameEmail(principal.email, place?.reporter);
  });

/**
 * Whether the principal may submit reports to the period only as a reporter, that is, only
 * as themselves: the report must name the email its identity provider vouches for. Agents,
 * leads and admins may report on someone's behalf.
 */
export const reportsOnlyAsSelf = (principal: Principal, period: ResourcePlace): boolean =>
  !principal.grants.some(
    (grant) =>
      grant.role !== 'reporter' &&
      ROLE_PERMISSIONS[grant.role].includes('report.submit') &&
      covers(grant, period),
  );

/** The rows a list may show: every one, or those of the periods and programmes the grants name. */
export type Visible = 'all' | { periods: string[]; programmes: string[] };

/** What a list may show the principal, for `permission`. */
export const visibleTo = (principal: Principal, permission: Permission): Visible => {
  const granting = principal.grants.filter((grant) => ROLE_PERMISSIONS[grant.role].includes(permission));
  if (granting.some((grant) => grant.scope.kind === 'platform')) return 'all';
  const named = (kind: 'period' | 'programme') => [
    ...new Set(granting.flatMap(({ scope }) => (scope.kind === kind ? [scope.id] : []))),
  ];
  return { periods: named('period'), programmes: named('programme') };
};
