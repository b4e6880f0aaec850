import { Body, Controller, Get, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseOrThrow } from '@hypercare/domain-kit';
import { commandMetadata, CORRELATION_HEADER } from '@hypercare/runtime';
import { ApiJsonBody, ApiOutcomes } from '@hypercare/service-kit';
import type { Response } from 'express';
import { submitReportBody } from './report.dto';
import { ReportService, type Submission } from './report.service';

const submission = {
  type: 'object',
  properties: {
    reportId: {
      type: 'string',
      format: 'uuid',
      description: 'Also the id of the ticket triage opens for it',
    },
    periodId: { type: 'string', format: 'uuid' },
    version: { type: 'integer' },
    position: { type: 'integer', description: "Global position in intake's log" },
  },
};

@ApiTags('reports')
@Controller()
export class ReportController {
  constructor(private readonly reports: ReportService) {}

  @Post('periods/:periodId/reports')
  @ApiOperation({
    summary: 'Submits a problem report to an active period; triage opens a ticket with the same id',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'A retry with the same key returns the first answer (200, Idempotent-Replayed: true) and creates nothing',
  })
  @ApiJsonBody(submitReportBody)
  @ApiOutcomes({ status: 201, description: 'Submitted', schema: submission }, 400, 404, 409)
  async submit(
    @Param('periodId') periodId: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
    @Headers(CORRELATION_HEADER) correlationId?: string,
  ): Promise<Submission> {
    const content = parseOrThrow(submitReportBody, body);
    const { submission: result, replayed } = await this.reports.submit(
      periodId,
      content,
      idempotencyKey,
      commandMetadata(correlationId, { actor: content.reporter.email }),
    );
    response.status(replayed ? 200 : 201);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    response.setHeader('Location', `/reports/${result.reportId}`);
    return result;
  }

  @Get('reports/:reportId')
  @ApiOperation({ summary: 'A report as submitted, and where its ticket stands' })
  @ApiOutcomes({ status: 200, description: 'The report with its status' }, 404)
  get(@Param('reportId') reportId: string) {
    return this.reports.get(reportId);
  }
}
