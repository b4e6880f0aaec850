import { Module } from '@nestjs/common';
import { WebhookController } from './webhook.controller';
import { WebhookDeliverer } from './webhook-deliverer';
import { WebhookSubscriptions } from './webhook-subscriptions';

/** Signed webhooks for BAU systems without Kafka, delivered from an outbox. */
@Module({ controllers: [WebhookController], providers: [WebhookSubscriptions, WebhookDeliverer] })
export class WebhooksModule {}
