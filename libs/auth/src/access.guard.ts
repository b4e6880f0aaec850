import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  Optional,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { NotFound } from '@hypercare/domain-kit';
import { isPublicRoute } from '@hypercare/service-kit';
import { ACCESS_RULE, type AccessRule, type AuthenticatedRequest } from './access';
import { placeFor, RESOURCE_PLACES, type ResourcePlaces } from './places';
import { allows } from './policy';
import type { Principal } from './principal';

/**
 * After authentication and the rate limits: applies the route's `@Access` rule (403 for a
 * platform-wide one, the resource's own 404 for an id the caller may not reach) before the
 * handler runs. A route that declares no rule is refused: the policy fails closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(RESOURCE_PLACES) private readonly places: ResourcePlaces = {},
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (isPublicRoute(this.reflector, context)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const rule = this.reflector.getAllAndOverride<AccessRule>(ACCESS_RULE, targets);
    if (!rule) throw new ForbiddenException('This route declares no access rule, so no one may call it');
    await this.apply(rule, request.principal as Principal, request.params);
    return true;
  }

  private async apply(
    rule: AccessRule,
    principal: Principal,
    params: Record<string, string | string[]>,
  ): Promise<void> {
    const { permission, scope } = rule;
    switch (scope.kind) {
      case 'platform':
        if (!allows(principal, permission))
          throw new ForbiddenException(
            `${principal.name} may not do this: it needs ${permission} platform-wide`,
          );
        return;
      case 'programme': {
        const programmeId = String(params[scope.param]);
        if (!allows(principal, permission, { programmeId })) throw new NotFound('programme', programmeId);
        return;
      }
      case 'period': {
        const periodId = String(params[scope.param]);
        const place = await placeFor(this.places, principal, { periodId });
        if (!allows(principal, permission, place)) throw new NotFound('period', periodId);
        return;
      }
      case 'resource': {
        const id = String(params[scope.param]);
        const locate = this.places[scope.resource];
        if (!locate) throw new Error(`this service cannot place a ${scope.resource}`);
        const found = await locate(id);
        const place = found && (await placeFor(this.places, principal, found));
        if (!place || !allows(principal, permission, place)) throw new NotFound(scope.resource, id);
        return;
      }
      case 'person': {
        const email = String(params[scope.param]);
        const own = principal.email !== undefined && principal.email.toLowerCase() === email.toLowerCase();
        if (!own && !allows(principal, permission)) throw new NotFound('person', email);
        return;
      }
      case 'answer':
      case 'listed':
        return;
    }
  }
}
