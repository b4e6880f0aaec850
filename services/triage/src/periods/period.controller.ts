import { Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@hypercare/auth';
import { commandMetadata, CorrelationId } from '@hypercare/runtime';
import { ApiOutcomes, BODY_LIMITS, JsonBody, RouteNames } from '@hypercare/service-kit';
import type { z } from 'zod';
import { actorBody, closeBody, extendBody, reconfigureWithActor } from './period.dto';
import { UnmetCriteria } from '../exit/unmet-criteria';
import { periodOutcome, periodView } from './period.schemas';
import { PeriodService } from './period.service';

type Outcome = Promise<z.input<typeof periodOutcome>>;

@ApiTags('periods')
@Controller('periods')
@RouteNames({ 'start-exit-review': 'exit-review' })
export class PeriodController {
  constructor(
    private readonly periods: PeriodService,
    private readonly unmetCriteria: UnmetCriteria,
  ) {}

  @Get(':periodId')
  @Access('period.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: "A period's status and whole definition" })
  @ApiOutcomes({ status: 200, description: 'The period', schema: periodView }, 404)
  async get(@Param('periodId') periodId: string): Promise<z.input<typeof periodView>> {
    const { period, version } = await this.periods.get(periodId);
    return { ...period, version, exitUnmet: await this.unmetCriteria.of(periodId, period.configuration) };
  }

  @Put(':periodId')
  @Access('period.manage', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary:
      "Replaces a period's definition (roster, policies, matrices, exit criteria); 409 calls it `reconfigure`",
  })
  @ApiOutcomes({ status: 200, description: 'Reconfigured', schema: periodOutcome }, 400, 404, 409)
  reconfigure(
    @Param('periodId') periodId: string,
    @JsonBody(reconfigureWithActor, BODY_LIMITS.definition)
    { by: _ignored, ...definition }: z.infer<typeof reconfigureWithActor>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Outcome {
    return this.periods.reconfigure(periodId, definition, commandMetadata(correlationId, { actor }));
  }

  @Post(':periodId/activate')
  @Access('period.manage', { kind: 'period', param: 'periodId' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Starts the period: it takes reports from now on' })
  @ApiOutcomes({ status: 200, description: 'Active', schema: periodOutcome }, 400, 404, 409)
  activate(
    @Param('periodId') periodId: string,
    @JsonBody(actorBody) _: z.infer<typeof actorBody>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Outcome {
    return this.periods.activate(periodId, commandMetadata(correlationId, { actor }));
  }

  @Post(':periodId/extend')
  @Access('period.manage', { kind: 'period', param: 'periodId' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Moves the planned end later, with the reason' })
  @ApiOutcomes({ status: 200, description: 'Extended', schema: periodOutcome }, 400, 404, 409)
  extend(
    @Param('periodId') periodId: string,
    @JsonBody(extendBody) { plannedEndAt, reason }: z.infer<typeof extendBody>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Outcome {
    return this.periods.extend(periodId, plannedEndAt, reason, commandMetadata(correlationId, { actor }));
  }

  @Post(':periodId/exit-review')
  @Access('period.manage', { kind: 'period', param: 'periodId' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Starts reviewing the exit criteria; reports are still taken' })
  @ApiOutcomes({ status: 200, description: 'In exit review', schema: periodOutcome }, 400, 404, 409)
  startExitReview(
    @Param('periodId') periodId: string,
    @JsonBody(actorBody) _: z.infer<typeof actorBody>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Outcome {
    return this.periods.startExitReview(periodId, commandMetadata(correlationId, { actor }));
  }

  @Post(':periodId/close')
  @Access('period.manage', { kind: 'period', param: 'periodId' })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Ends the period; support passes to business as usual. 409 while tickets are open, unless handOverOpenTickets; 409 while exit criteria are unmet, unless override',
  })
  @ApiOutcomes({ status: 200, description: 'Closed', schema: periodOutcome }, 400, 404, 409)
  close(
    @Param('periodId') periodId: string,
    @JsonBody(closeBody) { summary, handOverOpenTickets, override }: z.infer<typeof closeBody>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Outcome {
    return this.periods.close(
      periodId,
      {
        ...(summary ? { summary } : {}),
        handOver: handOverOpenTickets,
        ...(override ? { override: { ...override, by: actor.name } } : {}),
      },
      commandMetadata(correlationId, { actor }),
    );
  }
}
