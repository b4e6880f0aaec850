import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { isPublicRoute } from '@hypercare/service-kit';
import type { Response } from 'express';

/**
 * Limits how fast each caller may call, after authentication (so a key is counted as itself
 * wherever it calls from): per principal and per source address, one window for every route
 * of every service. Health probes and metrics are not limited. Over the limit: 429 naming the
 * limit, with `Retry-After`.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return isPublicRoute(this.reflector, context);
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(detail.timeToBlockExpire));
    return super.throwThrottlingException(context, detail);
  }
}
