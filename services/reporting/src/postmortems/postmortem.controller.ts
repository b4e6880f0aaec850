import { Controller, Get, Header, HttpCode, Param, Post, Put, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@hypercare/auth';
import { authoredSections } from '@hypercare/contracts';
import { commandMetadata, CorrelationId } from '@hypercare/runtime';
import { ApiOutcomes, JsonBody } from '@hypercare/service-kit';
import { z } from 'zod';
import { postmortemHtml } from './postmortem-html';
import { postmortemMarkdown } from './postmortem-markdown';
import { postmortemPdf } from './postmortem-pdf';
import { newPostmortem, postmortemRow, postmortemView, returnBody } from './postmortem.schemas';
import { Postmortems } from './postmortems';

const acting = (actor: Actor, correlationId: string | undefined) => ({
  by: actor.name,
  metadata: commandMetadata(correlationId, { actor }),
});
const view = { status: 200, description: 'The post-mortem as it is now', schema: postmortemView };

@ApiTags('post-mortems')
@Controller('periods/:periodId/postmortems')
export class PostmortemController {
  constructor(private readonly postmortems: Postmortems) {}

  @Post()
  @Access('postmortem.write', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary: 'Starts a blameless post-mortem of the period, or of tickets of it that make one incident',
  })
  @ApiOutcomes({ ...view, status: 201 }, 400, 404)
  draft(
    @Param('periodId') periodId: string,
    @JsonBody(newPostmortem) body: z.infer<typeof newPostmortem>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ) {
    return this.postmortems.draft(periodId, body, acting(actor, correlationId));
  }

  @Get()
  @Access('reporting.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: "The period's post-mortems, the latest changed first" })
  @ApiOutcomes({ status: 200, description: 'The post-mortems', schema: z.array(postmortemRow) }, 404)
  list(@Param('periodId') periodId: string) {
    return this.postmortems.list(periodId);
  }

  @Get(':postmortemId')
  @Access('reporting.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary: 'A post-mortem: its authored sections and the generated ones, each line citing its events',
  })
  @ApiOutcomes(view, 404)
  get(@Param('periodId') periodId: string, @Param('postmortemId') postmortemId: string) {
    return this.postmortems.document(periodId, postmortemId);
  }

  @Put(':postmortemId')
  @Access('postmortem.write', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary:
      "Replaces a draft's authored sections: title, summary, root cause, went well and badly, action items",
  })
  @ApiOutcomes(view, 400, 404, 409)
  edit(
    @Param('periodId') periodId: string,
    @Param('postmortemId') postmortemId: string,
    @JsonBody(authoredSections) sections: z.infer<typeof authoredSections>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ) {
    return this.postmortems.edit(periodId, postmortemId, sections, acting(actor, correlationId));
  }

  @Post(':postmortemId/review')
  @HttpCode(200)
  @Access('postmortem.write', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'Puts a draft up for review: no more edits until it is returned' })
  @ApiOutcomes(view, 404, 409)
  review(
    @Param('periodId') periodId: string,
    @Param('postmortemId') postmortemId: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ) {
    return this.postmortems.requestReview(periodId, postmortemId, acting(actor, correlationId));
  }

  @Post(':postmortemId/return')
  @HttpCode(200)
  @Access('postmortem.write', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'Sends a post-mortem in review back to its draft, saying why' })
  @ApiOutcomes(view, 400, 404, 409)
  returnToDraft(
    @Param('periodId') periodId: string,
    @Param('postmortemId') postmortemId: string,
    @JsonBody(returnBody) { reason }: z.infer<typeof returnBody>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ) {
    return this.postmortems.returnToDraft(periodId, postmortemId, reason, acting(actor, correlationId));
  }

  @Post(':postmortemId/publish')
  @HttpCode(200)
  @Access('postmortem.write', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary:
      'Publishes a reviewed post-mortem: its generated sections are pinned to the history as it stands',
  })
  @ApiOutcomes(view, 404, 409)
  publish(
    @Param('periodId') periodId: string,
    @Param('postmortemId') postmortemId: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ) {
    return this.postmortems.publish(periodId, postmortemId, acting(actor, correlationId));
  }

  @Get(':postmortemId/document.md')
  @Header('content-type', 'text/markdown; charset=utf-8')
  @Access('reporting.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'The post-mortem as Markdown, its sources linked to the event explorer' })
  @ApiProduces('text/markdown')
  @ApiOutcomes({ status: 200, description: 'The document', schema: z.string() }, 404)
  async markdown(@Param('periodId') periodId: string, @Param('postmortemId') postmortemId: string) {
    return postmortemMarkdown(await this.postmortems.document(periodId, postmortemId));
  }

  @Get(':postmortemId/document.html')
  @Header('content-type', 'text/html; charset=utf-8')
  @Access('reporting.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'The post-mortem as a web page' })
  @ApiProduces('text/html')
  @ApiOutcomes({ status: 200, description: 'The page', schema: z.string() }, 404)
  async html(@Param('periodId') periodId: string, @Param('postmortemId') postmortemId: string) {
    return postmortemHtml(await this.postmortems.document(periodId, postmortemId));
  }

  @Get(':postmortemId/document.pdf')
  @Access('reporting.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'The post-mortem as a PDF' })
  @ApiProduces('application/pdf')
  @ApiOutcomes({ status: 200, description: 'The PDF', schema: z.string() }, 404)
  async pdf(@Param('periodId') periodId: string, @Param('postmortemId') postmortemId: string) {
    const pdf = await postmortemPdf(await this.postmortems.document(periodId, postmortemId));
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="postmortem-${postmortemId}.pdf"`,
    });
  }
}
