import { applyDecorators, Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { openApiSchema } from './openapi';
import { ReadinessRegistry, type ReadinessReport } from './readiness';
import { Public } from './public-route';

/** What `/health/ready` answers, ready (200) or not (503). */
export const readinessReport = z.object({
  ready: z.boolean(),
  checks: z.record(
    z.object({ status: z.enum(['up', 'down']), error: z.string().optional().describe('Why it is down') }),
  ),
});
export const liveness = z.object({ status: z.literal('ok') });

/** Documents a readiness answer, 200 when ready and 503 naming what is not. */
export const ApiReadiness = (schema: z.ZodTypeAny) =>
  applyDecorators(
    ApiOperation({ summary: 'Ready when every dependency answers; 503 names those that do not' }),
    ApiResponse({ status: 200, description: 'Ready', schema: openApiSchema(schema) as never }),
    ApiResponse({ status: 503, description: 'Not ready', schema: openApiSchema(schema) as never }),
  );

/** Documents the liveness answer. */
export const ApiLiveness = () =>
  applyDecorators(
    ApiOperation({ summary: 'The process is up and its event loop answers' }),
    ApiResponse({ status: 200, description: 'Alive', schema: openApiSchema(liveness) as never }),
  );

@ApiTags('operations')
@Controller('health')
@Public()
export class HealthController {
  constructor(private readonly readiness: ReadinessRegistry) {}

  @Get('live')
  @ApiLiveness()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiReadiness(readinessReport)
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessReport> {
    const report = await this.readiness.evaluate();
    response.status(report.ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
