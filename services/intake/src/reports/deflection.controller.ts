import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Access,
  actorOf,
  CurrentPrincipal,
  type Principal,
  RESOURCE_PLACES,
  type ResourcePlaces,
} from '@hypercare/auth';
import { channel, id, isoTime, person, reportContent } from '@hypercare/contracts';
import { commandMetadata, CorrelationId } from '@hypercare/runtime';
import { ApiOutcomes, JsonBody } from '@hypercare/service-kit';
import { z } from 'zod';
import { ArticleSuggestions } from '../knowledge/article-suggestions';
import { PeriodDirectory } from '../periods/period-directory';
import { Deflections } from './deflections';
import { checkReportingAsSelf } from './reporting-as-self';
import { suggestionList, suggestionRequest } from './report.schemas';

const withdrawal = z
  .object({
    reporter: person,
    title: reportContent.shape.title,
    channel: channel.default('api'),
    articleIds: z.array(id).min(1).max(10).describe('The suggested articles that answered the reporter'),
  })
  .strict();

const withdrawn = z.object({ reportId: id, periodId: id, articleIds: z.array(id), deflectedAt: isoTime });

/**
 * Before a report: the articles that may already answer it, and, when one did, the report
 * withdrawn (deflected) so the team sees what the knowledge base saved it.
 */
@ApiTags('reports')
@Controller('periods/:periodId/reports')
export class DeflectionController {
  constructor(
    private readonly articles: ArticleSuggestions,
    private readonly deflections: Deflections,
    private readonly periods: PeriodDirectory,
    @Inject(RESOURCE_PLACES) private readonly places: ResourcePlaces,
  ) {}

  @Post('suggestions')
  @HttpCode(200)
  @Access('report.submit', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary: "A dry run of a report: the period's published articles that may answer it; writes nothing",
  })
  @ApiOutcomes({ status: 200, description: 'The articles, best first', schema: suggestionList }, 400, 404)
  async suggest(
    @Param('periodId') periodId: string,
    @JsonBody(suggestionRequest) draft: z.infer<typeof suggestionRequest>,
  ): Promise<z.input<typeof suggestionList>> {
    await this.periods.find(periodId);
    return { articles: await this.articles.for(periodId, `${draft.title}\n${draft.description}`) };
  }

  @Post('deflections')
  @Access('report.submit', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary:
      'Withdraws a report before submitting it: the suggested articles answered the reporter; no ticket opens',
  })
  @ApiOutcomes({ status: 201, description: 'Recorded', schema: withdrawn }, 400, 403, 404, 409)
  async deflect(
    @Param('periodId') periodId: string,
    @JsonBody(withdrawal) body: z.infer<typeof withdrawal>,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<z.input<typeof withdrawn>> {
    await checkReportingAsSelf(this.places, principal, periodId, body.reporter.email);
    return this.deflections.record(
      periodId,
      body,
      commandMetadata(correlationId, { actor: actorOf(principal) }),
    );
  }
}
