import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@hypercare/auth';
import { commandMetadata, CorrelationId } from '@hypercare/runtime';
import { ApiOutcomes, JsonBody, ValidQuery } from '@hypercare/service-kit';
import type { z } from 'zod';
import { FeedbackPeriods } from '../periods/feedback-periods';
import { needAnswer, needChanged, needFilter, needList } from './training-need.schemas';
import { TrainingNeeds } from './training-needs';

/** The recurring questions of a period, and how the team answers them. */
@ApiTags('knowledge')
@Controller('periods/:periodId/training-needs')
export class TrainingNeedController {
  constructor(
    private readonly needs: TrainingNeeds,
    private readonly periods: FeedbackPeriods,
  ) {}

  @Get()
  @Access('period.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: "The period's training needs, newest first, with their questions and answers" })
  @ApiOutcomes({ status: 200, description: 'The needs', schema: needList }, 400, 404)
  async list(
    @Param('periodId') periodId: string,
    @ValidQuery(needFilter) { status }: z.infer<typeof needFilter>,
  ): Promise<z.input<typeof needList>> {
    await this.periods.known(periodId);
    return { items: await this.needs.list(periodId, status) };
  }

  @Post(':needId/address')
  @HttpCode(200)
  @Access('ticket.work', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary: 'Answers a need with a knowledge article of the period or a training session held',
  })
  @ApiOutcomes({ status: 200, description: 'Addressed', schema: needChanged }, 400, 404, 409)
  async address(
    @Param('periodId') periodId: string,
    @Param('needId') needId: string,
    @JsonBody(needAnswer) answer: z.infer<typeof needAnswer>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<z.input<typeof needChanged>> {
    return this.needs.change(
      periodId,
      needId,
      { ...answer, by: actor.name },
      commandMetadata(correlationId, { actor }),
    );
  }

  @Post(':needId/close')
  @HttpCode(200)
  @Access('period.manage', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'Closes an addressed need' })
  @ApiOutcomes({ status: 200, description: 'Closed', schema: needChanged }, 404, 409)
  close(
    @Param('periodId') periodId: string,
    @Param('needId') needId: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<z.input<typeof needChanged>> {
    return this.needs.change(
      periodId,
      needId,
      { by: actor.name, close: true },
      commandMetadata(correlationId, { actor }),
    );
  }
}
