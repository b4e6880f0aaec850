import { Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor, type Actor } from '@hypercare/auth';
import { InvalidCommand, parseRequest } from '@hypercare/domain-kit';
import { commandMetadata, CorrelationId } from '@hypercare/runtime';
import { ApiOutcomes, JsonBody, openApiSchema, Public, SERVICE_CONFIG } from '@hypercare/service-kit';
import type { Request } from 'express';
import { z } from 'zod';
import type { IntakeConfig } from '../../config';
import { PeriodDirectory } from '../../periods/period-directory';
import { InboundSlack, type SlackAnswer } from './inbound-slack';
import { SlackPlaces } from './slack-places';
import { verifySlackRequest } from './slack-signature';
import {
  interactionForm,
  messageShortcut,
  slackChannelBody,
  slackEnvelope,
  slashCommand,
} from './slack.schemas';

type SignedRequest = Request & { rawBody?: Buffer };

const channelView = z.object({ periodId: z.string(), channelId: z.string().nullable() });

/**
 * Slack's requests to the app (the Events API and the slash command), each checked against
 * SLACK_SIGNING_SECRET before anything is read, and the period's channel, set by its leads.
 */
@ApiTags('channels')
@Controller()
export class SlackController {
  private readonly secret: string | undefined;

  constructor(
    private readonly inbound: InboundSlack,
    private readonly places: SlackPlaces,
    private readonly periods: PeriodDirectory,
    @Inject(SERVICE_CONFIG) config: IntakeConfig,
  ) {
    this.secret = config.SLACK_SIGNING_SECRET;
  }

  @Post('slack/events')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: "Slack's Events API: the URL check, and replies in a ticket's thread as comments",
  })
  @ApiBody({ schema: openApiSchema(slackEnvelope) as never })
  @ApiOutcomes(
    {
      status: 200,
      description: 'Taken (or left alone)',
      schema: z.object({ challenge: z.string().optional() }),
    },
    400,
    401,
    404,
  )
  events(@Req() request: SignedRequest, @CorrelationId() correlationId?: string): Promise<object> {
    const body = this.verified(request);
    return this.inbound.event(parseRequest(slackEnvelope, body), commandMetadata(correlationId, {}));
  }

  @Post('slack/commands')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'The /hypercare slash command: `report <title> | <what happened>` opens a report',
  })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ schema: openApiSchema(slashCommand) as never })
  @ApiOutcomes(
    {
      status: 200,
      description: 'What the person who typed it sees',
      schema: z.object({ response_type: z.literal('ephemeral'), text: z.string() }),
    },
    400,
    401,
    404,
  )
  commands(@Req() request: SignedRequest, @CorrelationId() correlationId?: string): Promise<SlackAnswer> {
    const body = this.verified(request);
    return this.inbound.command(parseRequest(slashCommand, body), commandMetadata(correlationId, {}));
  }

  @Post('slack/interactions')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'The "Report to hypercare" message shortcut: the message becomes a report in its author\'s name',
  })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ schema: openApiSchema(interactionForm) as never })
  @ApiOutcomes(
    { status: 200, description: "Taken; the outcome is posted in the message's thread" },
    400,
    401,
    404,
  )
  async interactions(@Req() request: SignedRequest, @CorrelationId() correlationId?: string): Promise<void> {
    const { payload } = parseRequest(interactionForm, this.verified(request));
    let action: unknown;
    try {
      action = JSON.parse(payload);
    } catch {
      throw new InvalidCommand([{ field: 'payload', message: 'must be JSON' }]);
    }
    await this.inbound.shortcut(parseRequest(messageShortcut, action), commandMetadata(correlationId, {}));
  }

  @Get('periods/:periodId/slack-channel')
  @Access('period.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: "The period's Slack channel, if it has one" })
  @ApiOutcomes({ status: 200, description: 'The channel (null: none)', schema: channelView }, 404)
  async channel(@Param('periodId') periodId: string): Promise<z.input<typeof channelView>> {
    await this.periods.find(periodId);
    return { periodId, channelId: (await this.places.channelOf(periodId)) ?? null };
  }

  @Put('periods/:periodId/slack-channel')
  @Access('period.manage', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: "Makes a Slack channel the period's: its /hypercare reports go to the period" })
  @ApiOutcomes({ status: 200, description: 'The channel', schema: channelView }, 400, 404, 409)
  async map(
    @Param('periodId') periodId: string,
    @JsonBody(slackChannelBody) { channelId }: z.infer<typeof slackChannelBody>,
    @CurrentActor() actor: Actor,
  ): Promise<z.input<typeof channelView>> {
    await this.periods.find(periodId);
    await this.places.map(periodId, channelId, actor.name);
    return { periodId, channelId };
  }

  private verified(request: SignedRequest): unknown {
    if (!this.secret)
      throw new NotFoundException('Slack is not set up here: SLACK_SIGNING_SECRET is not set');
    verifySlackRequest(
      this.secret,
      {
        timestamp: request.header('x-slack-request-timestamp'),
        signature: request.header('x-slack-signature'),
      },
      request.rawBody ?? Buffer.alloc(0),
      Math.floor(Date.now() / 1000),
    );
    return request.body;
  }
}
