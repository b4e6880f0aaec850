import { Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Access,
  type Actor,
  CurrentActor,
  CurrentPrincipal,
  placeFor,
  type Principal,
  reportsOnlyAsSelf,
  RESOURCE_PLACES,
  type ResourcePlaces,
} from '@hypercare/auth';
import { commandMetadata, CorrelationId } from '@hypercare/runtime';
import { ApiOutcomes, BODY_LIMITS, JsonBody, ValidQuery } from '@hypercare/service-kit';
import type { z } from 'zod';
import { FeedbackPeriods } from '../periods/feedback-periods';
import {
  articleChanged,
  articleContent,
  articleFilter,
  articleList,
  articleSearch,
  articleView,
  retirement,
  searchResults,
} from './article.schemas';
import { type ArticleChange, KnowledgeArticles } from './knowledge-articles';

const changed = { status: 200, description: 'Done', schema: articleChanged };

/** A period's knowledge base: known issues, workarounds, FAQs and how-tos, written by the support team. */
@ApiTags('knowledge')
@Controller('periods/:periodId/articles')
export class ArticleController {
  constructor(
    private readonly articles: KnowledgeArticles,
    private readonly periods: FeedbackPeriods,
    @Inject(RESOURCE_PLACES) private readonly places: ResourcePlaces,
  ) {}

  @Post()
  @Access('ticket.work', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'Drafts an article' })
  @ApiOutcomes({ status: 201, description: 'Drafted', schema: articleChanged }, 400, 404)
  async draft(
    @Param('periodId') periodId: string,
    @JsonBody(articleContent, BODY_LIMITS.definition) body: z.infer<typeof articleContent>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<z.input<typeof articleChanged>> {
    await this.periods.known(periodId);
    return this.articles.draft(periodId, body, actor.name, commandMetadata(correlationId, { actor }));
  }

  @Get()
  @Access('period.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: "The period's articles, newest change first (500 at most), by kind and status" })
  @ApiOutcomes({ status: 200, description: 'The articles', schema: articleList }, 400, 404)
  async list(
    @Param('periodId') periodId: string,
    @ValidQuery(articleFilter) filter: z.infer<typeof articleFilter>,
  ): Promise<z.input<typeof articleList>> {
    await this.periods.known(periodId);
    return { items: await this.articles.list(periodId, filter) };
  }

  @Get('search')
  @Access('report.submit', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary: 'Searches the published articles, best match first, with the passages that match',
  })
  @ApiOutcomes({ status: 200, description: 'The matches', schema: searchResults }, 400, 404)
  async search(
    @Param('periodId') periodId: string,
    @ValidQuery(articleSearch) { q, limit }: z.infer<typeof articleSearch>,
  ): Promise<z.input<typeof searchResults>> {
    await this.periods.known(periodId);
    return { items: await this.articles.search(periodId, q, limit) };
  }

  @Get(':articleId')
  @Access('report.submit', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary: 'One article, its Markdown and its sanitised HTML (reporters see published articles only)',
  })
  @ApiOutcomes({ status: 200, description: 'The article', schema: articleView }, 404)
  async get(
    @Param('periodId') periodId: string,
    @Param('articleId') articleId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<z.input<typeof articleView>> {
    const reporterOnly = reportsOnlyAsSelf(principal, await placeFor(this.places, principal, { periodId }));
    return this.articles.get(periodId, articleId, reporterOnly ? 'published' : 'any');
  }

  @Put(':articleId')
  @Access('ticket.work', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: "Revises an article's kind, title, text and tickets (not once retired)" })
  @ApiOutcomes(changed, 400, 404, 409)
  revise(
    @Param('periodId') periodId: string,
    @Param('articleId') articleId: string,
    @JsonBody(articleContent, BODY_LIMITS.definition) content: z.infer<typeof articleContent>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<z.input<typeof articleChanged>> {
    return this.apply(periodId, articleId, { kind: 'revise', content }, actor, correlationId);
  }

  @Post(':articleId/publish')
  @HttpCode(200)
  @Access('period.manage', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'Publishes a draft: searchable, offered to reporters, handed to BAU' })
  @ApiOutcomes(changed, 404, 409)
  publish(
    @Param('periodId') periodId: string,
    @Param('articleId') articleId: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<z.input<typeof articleChanged>> {
    return this.apply(periodId, articleId, { kind: 'publish' }, actor, correlationId);
  }

  @Post(':articleId/retire')
  @HttpCode(200)
  @Access('period.manage', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'Retires an article that no longer applies: kept, no longer offered' })
  @ApiOutcomes(changed, 400, 404, 409)
  retire(
    @Param('periodId') periodId: string,
    @Param('articleId') articleId: string,
    @JsonBody(retirement) { reason }: z.infer<typeof retirement>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<z.input<typeof articleChanged>> {
    return this.apply(periodId, articleId, { kind: 'retire', reason }, actor, correlationId);
  }

  private apply(
    periodId: string,
    articleId: string,
    change: ArticleChange,
    actor: Actor,
    correlationId?: string,
  ) {
    return this.articles.change(
      periodId,
      articleId,
      change,
      actor.name,
      commandMetadata(correlationId, { actor }),
    );
  }
}
