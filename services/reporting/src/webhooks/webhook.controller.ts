import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@hypercare/auth';
import { ApiOutcomes, JsonBody, ValidQuery } from '@hypercare/service-kit';
import { z } from 'zod';
import { createdWebhook, deliveryView, newWebhook, replayBody, webhookView } from './webhook.schemas';
import { WebhookSubscriptions } from './webhook-subscriptions';

const deliveriesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1_000).default(100).describe('The newest deliveries, at most'),
});

@ApiTags('webhooks')
@Controller('programmes/:programmeId/webhooks')
@Access('period.manage', { kind: 'programme', param: 'programmeId' })
export class WebhookController {
  constructor(private readonly webhooks: WebhookSubscriptions) {}

  @Post()
  @ApiOperation({
    summary:
      "Subscribes a URL to the programme's handoff (and exit) events, signed; the secret is shown once",
  })
  @ApiOutcomes({ status: 201, description: 'Subscribed', schema: createdWebhook }, 400, 404, 409)
  create(
    @Param('programmeId') programmeId: string,
    @JsonBody(newWebhook) hook: z.infer<typeof newWebhook>,
    @CurrentActor() actor: Actor,
  ): Promise<z.input<typeof createdWebhook>> {
    return this.webhooks.create(programmeId, hook, actor.name);
  }

  @Get()
  @ApiOperation({ summary: "The programme's webhooks (never their secrets)" })
  @ApiOutcomes({ status: 200, description: 'The webhooks', schema: z.array(webhookView) }, 404)
  list(@Param('programmeId') programmeId: string): Promise<Array<z.input<typeof webhookView>>> {
    return this.webhooks.list(programmeId);
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stops a webhook; its delivery log stays' })
  @ApiOutcomes({ status: 204, description: 'Stopped' }, 404)
  remove(@Param('programmeId') programmeId: string, @Param('webhookId') webhookId: string): Promise<void> {
    return this.webhooks.remove(programmeId, webhookId);
  }

  @Get(':webhookId/deliveries')
  @ApiOperation({
    summary:
      "A webhook's delivery log, newest first: attempts, the receiver's answer, delivered or when next",
  })
  @ApiOutcomes({ status: 200, description: 'The deliveries', schema: z.array(deliveryView) }, 400, 404)
  deliveries(
    @Param('programmeId') programmeId: string,
    @Param('webhookId') webhookId: string,
    @ValidQuery(deliveriesQuery) { limit }: z.infer<typeof deliveriesQuery>,
  ) {
    return this.webhooks.deliveries(programmeId, webhookId, limit) as Promise<
      Array<z.input<typeof deliveryView>>
    >;
  }

  @Post(':webhookId/replay')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sends again every event of the webhook recorded since a date, earlier ones included',
  })
  @ApiOutcomes(
    { status: 200, description: 'Queued again', schema: z.object({ requeued: z.number().int() }) },
    400,
    404,
  )
  replay(
    @Param('programmeId') programmeId: string,
    @Param('webhookId') webhookId: string,
    @JsonBody(replayBody) { from }: z.infer<typeof replayBody>,
  ): Promise<{ requeued: number }> {
    return this.webhooks.replay(programmeId, webhookId, new Date(from));
  }
}
