import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiResponse } from '@nestjs/swagger';
import { problemResponse } from '@hypercare/service-kit';
import type { Request } from 'express';
import type { Permission, ResourcePlace } from './policy';
import { actorOf, type Actor, type Principal } from './principal';

/**
 * Where a route's resource lives, for the policy:
 * - `platform`: nowhere in particular; only platform-wide grants count (403 otherwise).
 * - `programme`: the programme named by a path parameter.
 * - `period`: the period named by a path parameter.
 * - `resource`: a ticket or report named by a path parameter, placed by the service before the handler runs.
 * - `answer`: what the handler answers, placed by the route's `place`, checked before it leaves.
 * - `listed`: a list; the handler shows only the periods the caller may see.
 * - `person`: a person's own, named by their email in a path parameter: theirs (the email their
 *   identity provider vouches for), or anyone's for a principal holding the permission platform-wide.
 * An id the caller may not reach answers the same 404 as one that does not exist.
 */
export type AccessScope =
  | { kind: 'platform' }
  | { kind: 'programme'; param: string }
  | { kind: 'period'; param: string }
  | { kind: 'resource'; resource: 'ticket' | 'report'; param: string }
  | {
      kind: 'answer';
      resource: 'ticket' | 'report' | 'event';
      param: string;
      /** Where the answer lives (any answer type: `never` takes every function). */
      place: (answer: never) => ResourcePlace | undefined;
    }
  | { kind: 'listed' }
  | { kind: 'person'; param: string };

export interface AccessRule {
  permission: Permission;
  scope: AccessScope;
}

export const ACCESS_RULE = 'hypercare:access';

/** The OpenAPI extension that publishes each operation's rule, so the isolation tests can be generated from it. */
const ACCESS_EXTENSION = 'x-hypercare-access';

/** Declares who may call a route: the permission it needs and where that permission must hold. */
export const Access = (permission: Permission, scope: AccessScope): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { permission, scope } satisfies AccessRule),
    ApiExtension(ACCESS_EXTENSION, { permission, scope: scope.kind }),
    ApiResponse(problemResponse(403)),
  );

export type AuthenticatedRequest = Request & { principal?: Principal };

const principalOf = (context: ExecutionContext): Principal => {
  const { principal } = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!principal) throw new Error('a route without authentication asked for its caller');
  return principal;
};

/** The authenticated caller of the request, as events record who acted. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor =>
  actorOf(principalOf(context)),
);

/** The authenticated caller, for handlers that list only what it may see. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal =>
  principalOf(context),
);
