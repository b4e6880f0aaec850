import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { problemResponse } from '@hypercare/service-kit';
import type { Request } from 'express';
import { actorOf, type Actor, type Principal } from './principal';

export const ADMIN_ROUTE = 'hypercare:admin';

/** Only a platform admin may call it. */
export const AdminOnly = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ADMIN_ROUTE, true), ApiResponse(problemResponse(403)));

export type AuthenticatedRequest = Request & { principal?: Principal };

/** The authenticated caller of the request, as events record who acted. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const { principal } = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!principal) throw new Error('CurrentActor on a route without authentication');
  return actorOf(principal);
});
