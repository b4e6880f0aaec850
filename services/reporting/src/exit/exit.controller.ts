import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@hypercare/auth';
import { commandMetadata, CorrelationId } from '@hypercare/runtime';
import { ApiOutcomes, JsonBody, ValidQuery } from '@hypercare/service-kit';
import type { Response } from 'express';
import type { z } from 'zod';
import { pastNote, pastQuery, type PastQuery } from '../history/past-query';
import { PastViews } from '../history/past-views';
import { ExitEvaluation } from './exit-evaluation';
import { exitHistoryOf, exitHistoryView } from './exit-history';
import { ExitReadiness } from './exit-readiness';
import { exitReadinessView, manualCheckBody } from './exit.schemas';

@ApiTags('exit')
@Controller('periods/:periodId/exit')
export class ExitController {
  constructor(
    private readonly readiness: ExitReadiness,
    private readonly evaluation: ExitEvaluation,
    private readonly past: PastViews,
  ) {}

  @Get()
  @Access('reporting.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary:
      "The period's exit readiness: each criterion's value, target, met or not and since when, its evidence and forecast",
  })
  @ApiOutcomes({ status: 200, description: `The readiness${pastNote}`, schema: exitReadinessView }, 400, 404)
  async of(
    @Param('periodId') periodId: string,
    @ValidQuery(pastQuery) query: PastQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<z.input<typeof exitReadinessView>> {
    await this.evaluation.period(periodId);
    const exitStreams = new Map([[periodId, await this.evaluation.stream(periodId)]]);
    return this.past.read(query, periodId, response, (dataSource, now) =>
      this.readiness.of(periodId, now ? { dataSource, now, exitStreams } : undefined),
    );
  }

  @Get('history')
  @Access('reporting.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary:
      "The period's exit criteria over time: every crossing, check and change of readiness, oldest first",
  })
  @ApiOutcomes({ status: 200, description: 'The history', schema: exitHistoryView }, 404)
  async history(@Param('periodId') periodId: string): Promise<z.input<typeof exitHistoryView>> {
    await this.evaluation.period(periodId);
    return exitHistoryOf(await this.evaluation.stream(periodId));
  }

  @Post('checks')
  @HttpCode(200)
  @Access('period.manage', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'A lead checks a manual criterion by hand: met or not, and how it was checked' })
  @ApiOutcomes(
    { status: 200, description: 'Checked; the readiness after it', schema: exitReadinessView },
    400,
    404,
  )
  async check(
    @Param('periodId') periodId: string,
    @JsonBody(manualCheckBody) body: z.infer<typeof manualCheckBody>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<z.input<typeof exitReadinessView>> {
    const period = await this.evaluation.period(periodId);
    await this.evaluation.check(
      period,
      { ...body, by: actor.name },
      commandMetadata(correlationId, { actor }),
    );
    return this.readiness.of(periodId);
  }
}
