import { Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Access,
  actorOf,
  CurrentPrincipal,
  type Principal,
  RESOURCE_PLACES,
  type ResourcePlaces,
} from '@hypercare/auth';
import { commandMetadata, CorrelationId, IdempotencyKey } from '@hypercare/runtime';
import { ApiOutcomes, BODY_LIMITS, JsonBody } from '@hypercare/service-kit';
import type { Response } from 'express';
import type { z } from 'zod';
import { ArticleSuggestions } from '../knowledge/article-suggestions';
import { submitReportBody } from './report.dto';
import { reportView, submission } from './report.schemas';
import { IDEMPOTENCY_WINDOW_HOURS, ReportService } from './report.service';
import { checkReportingAsSelf } from './reporting-as-self';

@ApiTags('reports')
@Controller()
export class ReportController {
  constructor(
    private readonly reports: ReportService,
    private readonly articles: ArticleSuggestions,
    @Inject(RESOURCE_PLACES) private readonly places: ResourcePlaces,
  ) {}

  @Post('periods/:periodId/reports')
  @Access('report.submit', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary:
      'Submits a problem report to an active period or one in exit review; triage opens a ticket with the same id',
  })
  @ApiOutcomes({ status: 201, description: 'Submitted', schema: submission }, 400, 403, 404, 409)
  @ApiOutcomes({
    status: 200,
    description: 'A retry with the same Idempotency-Key: the first answer',
    schema: submission,
  })
  async submit(
    @Param('periodId') periodId: string,
    @JsonBody(submitReportBody, BODY_LIMITS.report) content: z.infer<typeof submitReportBody>,
    @Res({ passthrough: true }) response: Response,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey(
      `A retry with the same key by the same reporter on the same period within ${IDEMPOTENCY_WINDOW_HOURS} h returns the first answer (200, Idempotent-Replayed: true) and creates nothing`,
    )
    idempotencyKey?: string,
    @CorrelationId() correlationId?: string,
  ): Promise<z.input<typeof submission>> {
    await checkReportingAsSelf(this.places, principal, periodId, content.reporter.email);
    const { submission: result, replayed } = await this.reports.submit(
      periodId,
      content,
      idempotencyKey,
      commandMetadata(correlationId, { actor: actorOf(principal) }),
    );
    response.status(replayed ? 200 : 201);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    response.setHeader('Location', `/reports/${result.reportId}`);
    return {
      ...result,
      suggestions: await this.articles.for(periodId, `${content.title}\n${content.description}`),
    };
  }

  @Get('reports/:reportId')
  @Access('report.read', {
    kind: 'answer',
    resource: 'report',
    param: 'reportId',
    place: (report: z.input<typeof reportView>) => ({
      periodId: report.periodId,
      reporter: report.reporter.email,
    }),
  })
  @ApiOperation({ summary: 'A report as submitted, and where its ticket stands' })
  @ApiOutcomes({ status: 200, description: 'The report with its status', schema: reportView }, 404, 410)
  get(@Param('reportId') reportId: string): Promise<z.input<typeof reportView>> {
    return this.reports.get(reportId);
  }
}
