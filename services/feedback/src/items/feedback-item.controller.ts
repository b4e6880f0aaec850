import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@hypercare/auth';
import { commandMetadata, CorrelationId, IdempotencyKey } from '@hypercare/runtime';
import { ApiOutcomes, JsonBody, ValidQuery } from '@hypercare/service-kit';
import type { Response } from 'express';
import type { z } from 'zod';
import { FeedbackPeriods } from '../periods/feedback-periods';
import {
  deferral,
  deferredFeedback,
  feedbackFilter,
  feedbackList,
  newFeedback,
  submittedFeedback,
} from './feedback-item.schemas';
import { FeedbackItems } from './feedback-items';

/** Free feedback: praise, complaints, suggestions and questions from users; suggestions to the backlog. */
@ApiTags('feedback')
@Controller()
export class FeedbackItemController {
  constructor(
    private readonly items: FeedbackItems,
    private readonly periods: FeedbackPeriods,
  ) {}

  @Post('periods/:periodId/feedback')
  @Access('report.submit', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary: 'Gives free feedback on the system: praise, a complaint, a suggestion or a question',
  })
  @ApiOutcomes(
    { status: 201, description: 'Recorded (200 for a retry)', schema: submittedFeedback },
    400,
    404,
    409,
  )
  async submit(
    @Param('periodId') periodId: string,
    @JsonBody(newFeedback) body: z.infer<typeof newFeedback>,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
    @IdempotencyKey(
      'A retry with the same key by the same caller on the same period answers the first item and records nothing',
    )
    key?: string,
    @CorrelationId() correlationId?: string,
  ): Promise<z.input<typeof submittedFeedback>> {
    const { feedbackId, replayed } = await this.items.submit(
      periodId,
      body,
      actor,
      key,
      commandMetadata(correlationId, { actor }),
    );
    if (replayed) response.status(200).setHeader('Idempotent-Replayed', 'true');
    return { feedbackId };
  }

  @Get('periods/:periodId/feedback')
  @Access('period.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: "The period's free feedback, newest first (at most 500), optionally of one kind" })
  @ApiOutcomes({ status: 200, description: 'The feedback', schema: feedbackList }, 400, 404)
  async list(
    @Param('periodId') periodId: string,
    @ValidQuery(feedbackFilter) { kind }: z.infer<typeof feedbackFilter>,
  ): Promise<z.input<typeof feedbackList>> {
    await this.periods.known(periodId);
    return { items: await this.items.list(periodId, kind) };
  }

  @Post('periods/:periodId/feedback/:feedbackId/defer')
  @HttpCode(200)
  @Access('ticket.work', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary: 'Puts a suggestion on the enhancement backlog (reporting lists it, the handoff carries it)',
  })
  @ApiOutcomes({ status: 200, description: 'On the backlog', schema: deferredFeedback }, 400, 404, 409)
  async defer(
    @Param('periodId') periodId: string,
    @Param('feedbackId') feedbackId: string,
    @JsonBody(deferral) body: z.infer<typeof deferral>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<z.input<typeof deferredFeedback>> {
    return (await this.items.defer(
      periodId,
      feedbackId,
      body.title,
      actor.name,
      commandMetadata(correlationId, { actor, periodId }),
    )) as z.input<typeof deferredFeedback>;
  }
}
