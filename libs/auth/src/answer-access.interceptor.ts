import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  Optional,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { NotFound } from '@hypercare/domain-kit';
import { mergeMap, type Observable } from 'rxjs';
import { ACCESS_RULE, type AccessRule, type AuthenticatedRequest } from './access';
import { placeFor, RESOURCE_PLACES, type ResourcePlaces } from './places';
import { allows, type ResourcePlace } from './policy';

/**
 * Applies `answer` rules: a read whose resource is placed by what it answers (the handler may
 * first wait for a projection to reflect a write, which a check before it could not) leaves
 * only if the caller may see it;
 * otherwise it is the resource's 404, the same as for an id that does not exist.
 */
@Injectable()
export class AnswerAccessInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(RESOURCE_PLACES) private readonly places: ResourcePlaces = {},
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule?.scope.kind !== 'answer') return next.handle();
    const { scope, permission } = rule;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    return next.handle().pipe(
      mergeMap(async (answer: unknown) => {
        const found = (scope.place as (answer: unknown) => ResourcePlace | undefined)(answer);
        const { principal } = request;
        const place = found && principal && (await placeFor(this.places, principal, found));
        if (!place || !principal || !allows(principal, permission, place))
          throw new NotFound(scope.resource, String(request.params[scope.param]));
        return answer;
      }),
    );
  }
}
