import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isPublicRoute } from '@hypercare/service-kit';
import type { Response } from 'express';
import type { AuthenticatedRequest } from './access';
import { Authenticator } from './authenticator';
import { SIGNATURE_HEADERS } from './signing/request-signature';
import { Unauthenticated } from './unauthenticated';

const header = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/**
 * First in front of every route that is not `@Public()`: identifies the caller, or answers
 * 401 with a challenge naming what was wrong, before any handler, body check or write.
 */
/**
 * A reason as a challenge's quoted string can carry it (RFC 6750: printable ASCII, no quote
 * or backslash): what a header cannot hold would fail the whole answer.
 */
const headerSafe = (reason: string): string =>
  reason
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '?')
    .replace(/["\\]/g, "'");

@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (isPublicRoute(this.reflector, context)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { rawBody?: Buffer }>();
    const { headers } = request;
    try {
      request.principal = await this.authenticator.authenticate({
        authorization: header(headers.authorization),
        apiKey: header(headers['x-api-key']),
        signed: {
          keyId: header(headers[SIGNATURE_HEADERS.keyId]),
          timestamp: header(headers[SIGNATURE_HEADERS.timestamp]),
          signature: header(
            headers[SIGNATURE_HEADERS.signature] ?? headers[SIGNATURE_HEADERS.grafanaSignature],
          ),
          body: request.rawBody ?? Buffer.alloc(0),
        },
      });
      return true;
    } catch (error) {
      if (!(error instanceof Unauthenticated)) throw error;
      context
        .switchToHttp()
        .getResponse<Response>()
        .setHeader(
          'WWW-Authenticate',
          `Bearer realm="hypercare", error="invalid_token", error_description="${headerSafe(error.reason)}"`,
        );
      throw new UnauthorizedException(error.reason);
    }
  }
}
