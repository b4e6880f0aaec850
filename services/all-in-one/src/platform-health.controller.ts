import { Controller, Get, HttpStatus, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import {
  ApiLiveness,
  ApiReadiness,
  Public,
  readinessReport,
  type ReadinessRegistry,
  telemetry,
} from '@hypercare/service-kit';
import { z } from 'zod';
import type { Request, Response } from 'express';

/** The readiness registry of each mounted service, by name. */
export const SERVICE_READINESS = Symbol('SERVICE_READINESS');

const platformReadiness = z.object({
  ready: z.boolean(),
  notReady: z.array(z.string()).describe('The services that are not ready'),
  services: z.record(readinessReport),
});
type PlatformReadiness = z.infer<typeof platformReadiness>;

/**
 * The platform's own operations endpoints at the root of the one URL: liveness, readiness of
 * all five services together, and one metrics scrape (the services share this process).
 */
@ApiTags('operations')
@Controller()
@Public()
export class PlatformHealthController {
  constructor(@Inject(SERVICE_READINESS) private readonly readiness: Record<string, ReadinessRegistry>) {}

  @Get('health/live')
  @ApiLiveness()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready when every mounted service is; 503 names those that are not, with their failing checks. */
  @Get('health/ready')
  @ApiReadiness(platformReadiness)
  async ready(@Res({ passthrough: true }) response: Response): Promise<PlatformReadiness> {
    const reports = await Promise.all(
      Object.entries(this.readiness).map(
        async ([name, registry]) => [name, await registry.evaluate()] as const,
      ),
    );
    const notReady = reports.filter(([, report]) => !report.ready).map(([name]) => name);
    response.status(notReady.length ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK);
    return { ready: notReady.length === 0, notReady, services: Object.fromEntries(reports) };
  }

  @Get('metrics')
  @ApiExcludeEndpoint()
  metrics(@Req() request: Request, @Res() response: Response): void {
    telemetry().prometheus.getMetricsRequestHandler(request, response);
  }
}
