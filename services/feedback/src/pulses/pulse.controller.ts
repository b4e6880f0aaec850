import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@hypercare/auth';
import { commandMetadata, CorrelationId } from '@hypercare/runtime';
import { ApiOutcomes, JsonBody } from '@hypercare/service-kit';
import type { z } from 'zod';
import { FeedbackPeriods } from '../periods/feedback-periods';
import { PulseLinks } from './pulse-links';
import { PulseResults } from './pulse-results';
import {
  newPulse,
  pulseInvitationList,
  pulseList,
  pulseResults,
  pulseScheduledView,
  pulseView,
} from './pulse.schemas';
import { Pulses } from './pulses';

/** A period's pulse surveys: scheduled and stopped by its managers, their results read by its team. */
@ApiTags('pulses')
@Controller('periods/:periodId/pulses')
export class PulseController {
  constructor(
    private readonly pulses: Pulses,
    private readonly links: PulseLinks,
    private readonly results: PulseResults,
    private readonly periods: FeedbackPeriods,
  ) {}

  @Post()
  @Access('period.manage', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'Schedules a pulse survey: its questions, audience, cadence, anonymity' })
  @ApiOutcomes({ status: 201, description: 'Scheduled', schema: pulseScheduledView }, 400, 404, 409)
  schedule(
    @Param('periodId') periodId: string,
    @JsonBody(newPulse) pulse: z.infer<typeof newPulse>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<z.input<typeof pulseScheduledView>> {
    return this.pulses.schedule(periodId, pulse, actor.name, commandMetadata(correlationId, { actor }));
  }

  @Get()
  @Access('period.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: "The period's pulses, oldest first, with their rounds" })
  @ApiOutcomes({ status: 200, description: 'The pulses', schema: pulseList }, 404)
  async list(@Param('periodId') periodId: string): Promise<z.input<typeof pulseList>> {
    await this.periods.known(periodId);
    return { items: await this.pulses.list(periodId) };
  }

  @Get(':pulseId')
  @Access('period.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'One pulse with its rounds' })
  @ApiOutcomes({ status: 200, description: 'The pulse', schema: pulseView }, 404)
  get(
    @Param('periodId') periodId: string,
    @Param('pulseId') pulseId: string,
  ): Promise<z.input<typeof pulseView>> {
    return this.pulses.get(periodId, pulseId);
  }

  @Get(':pulseId/results')
  @Access('period.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary:
      'Response rates and figures per round, per role and overall; anonymous groups under 5 answers show none',
  })
  @ApiOutcomes({ status: 200, description: 'The results', schema: pulseResults }, 404)
  async resultsOf(
    @Param('periodId') periodId: string,
    @Param('pulseId') pulseId: string,
  ): Promise<z.input<typeof pulseResults>> {
    return this.results.of(await this.pulses.get(periodId, pulseId));
  }

  @Get(':pulseId/invitations')
  @Access('period.manage', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'The invitations of rounds still open, with the token each link carries' })
  @ApiOutcomes({ status: 200, description: 'Open invitations', schema: pulseInvitationList }, 404)
  async invitations(
    @Param('periodId') periodId: string,
    @Param('pulseId') pulseId: string,
  ): Promise<z.input<typeof pulseInvitationList>> {
    await this.pulses.get(periodId, pulseId);
    return { items: await this.links.invitations(pulseId) };
  }

  @Post(':pulseId/stop')
  @HttpCode(200)
  @Access('period.manage', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'Stops a pulse: no more rounds open (answers to an open round still count)' })
  @ApiOutcomes({ status: 200, description: 'Stopped', schema: pulseView }, 404, 409)
  async stop(
    @Param('periodId') periodId: string,
    @Param('pulseId') pulseId: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<z.input<typeof pulseView>> {
    const pulse = await this.pulses.get(periodId, pulseId);
    const at = await this.pulses.stop(periodId, pulseId, commandMetadata(correlationId, { actor }));
    return { ...pulse, status: 'ended', nextRoundAt: null, ended: { reason: 'stopped', at } };
  }
}
