import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { PUBLIC_ROUTE } from '@hypercare/service-kit';
import { ADMIN_ROUTE, type AuthenticatedRequest } from './access';
import { Authenticator } from './authenticator';
import { isPlatformAdmin } from './principal';
import { Unauthenticated } from './unauthenticated';

const header = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/**
 * Every route authenticates its caller unless it is `@Public()`: 401 with a challenge naming
 * what was wrong, before any handler, body check or write. `@AdminOnly()` routes answer 403
 * to anyone but a platform admin.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    try {
      request.principal = await this.authenticator.authenticate({
        authorization: header(request.headers.authorization),
        apiKey: header(request.headers['x-api-key']),
      });
    } catch (error) {
      if (!(error instanceof Unauthenticated)) throw error;
      context
        .switchToHttp()
        .getResponse<Response>()
        .setHeader(
          'WWW-Authenticate',
          `Bearer realm="hypercare", error="invalid_token", error_description="${error.reason.replace(/["\\]/g, "'")}"`,
        );
      throw new UnauthorizedException(error.reason);
    }
    if (
      this.reflector.getAllAndOverride<boolean>(ADMIN_ROUTE, targets) &&
      !isPlatformAdmin(request.principal)
    )
      throw new ForbiddenException(`${request.principal.name} is not a platform admin`);
    return true;
  }
}
