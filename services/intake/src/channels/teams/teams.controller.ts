import { Controller, Get, HttpCode, NotFoundException, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor, type Actor } from '@hypercare/auth';
import { parseRequest } from '@hypercare/domain-kit';
import { commandMetadata, CorrelationId } from '@hypercare/runtime';
import { ApiOutcomes, JsonBody, openApiSchema, Public } from '@hypercare/service-kit';
import type { Request } from 'express';
import type { z } from 'zod';
import { PeriodDirectory } from '../../periods/period-directory';
import { InboundTeams } from './inbound-teams';
import { TeamsPlaces } from './teams-places';
import { checkTeamsTimestamp, verifyTeamsRequest } from './teams-signature';
import {
  teamsActivity,
  teamsChannelBody,
  teamsChannelView,
  type TeamsReply,
  teamsReply,
} from './teams.schemas';

type SignedRequest = Request & { rawBody?: Buffer };

/**
 * What a period's Teams outgoing webhook sends, checked against its security token before
 * anything is read, and the period's Teams channel, set by its leads.
 */
@ApiTags('channels')
@Controller()
export class TeamsController {
  constructor(
    private readonly inbound: InboundTeams,
    private readonly places: TeamsPlaces,
    private readonly periods: PeriodDirectory,
  ) {}

  @Post('periods/:periodId/teams/messages')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      "The period's Teams outgoing webhook: a message opens a report, a reply in its thread comments on it",
  })
  @ApiBody({ schema: openApiSchema(teamsActivity) as never })
  @ApiOutcomes(
    { status: 200, description: 'What Teams posts back in the thread', schema: teamsReply },
    400,
    401,
    404,
  )
  async messages(
    @Param('periodId') periodId: string,
    @Req() request: SignedRequest,
    @CorrelationId() correlationId?: string,
  ): Promise<TeamsReply> {
    await this.periods.find(periodId);
    const token = await this.places.securityTokenOf(periodId);
    if (!token) throw new NotFoundException(`Period ${periodId} has no Teams outgoing webhook set up`);
    verifyTeamsRequest(token, request.header('authorization'), request.rawBody ?? Buffer.alloc(0));
    const activity = parseRequest(teamsActivity, request.body);
    checkTeamsTimestamp(activity.timestamp, new Date());
    return this.inbound.receive(periodId, activity, commandMetadata(correlationId, {}));
  }

  @Get('periods/:periodId/teams-channel')
  @Access('period.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: "Whether the period's Teams channel is set up, each way" })
  @ApiOutcomes({ status: 200, description: 'The set-up (never its secrets)', schema: teamsChannelView }, 404)
  async channel(@Param('periodId') periodId: string): Promise<z.input<typeof teamsChannelView>> {
    await this.periods.find(periodId);
    return this.places.view(periodId);
  }

  @Put('periods/:periodId/teams-channel')
  @Access('period.manage', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary:
      "Sets up the period's Teams channel: the outgoing webhook's security token (in) and/or an incoming webhook (out)",
  })
  @ApiOutcomes({ status: 200, description: 'The set-up', schema: teamsChannelView }, 400, 404, 409)
  async configure(
    @Param('periodId') periodId: string,
    @JsonBody(teamsChannelBody) body: z.infer<typeof teamsChannelBody>,
    @CurrentActor() actor: Actor,
  ): Promise<z.input<typeof teamsChannelView>> {
    await this.periods.find(periodId);
    await this.places.configure(periodId, body, actor.name);
    return this.places.view(periodId);
  }
}
