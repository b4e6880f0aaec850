import { Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor, type Actor } from '@hypercare/auth';
import { ApiOutcomes, JsonBody } from '@hypercare/service-kit';
import type { z } from 'zod';
import { PeriodDirectory } from '../periods/period-directory';
import {
  createdNotificationWebhook,
  notificationWebhookBody,
  notificationWebhookView,
} from './notification-webhook.schemas';
import { NotificationWebhooks } from './notification-webhooks';

/** The period's notification webhook, set by its leads. */
@ApiTags('notifications')
@Controller('periods/:periodId/notification-webhook')
export class NotificationWebhookController {
  constructor(
    private readonly webhooks: NotificationWebhooks,
    private readonly periods: PeriodDirectory,
  ) {}

  @Get()
  @Access('period.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: "The period's notification webhook, if it has one (never its secret)" })
  @ApiOutcomes(
    { status: 200, description: 'The webhook (url null: none)', schema: notificationWebhookView },
    404,
  )
  async get(@Param('periodId') periodId: string): Promise<z.input<typeof notificationWebhookView>> {
    await this.periods.find(periodId);
    return this.webhooks.of(periodId);
  }

  @Put()
  @Access('period.manage', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary:
      "Sets the period's notification webhook, with a new signing secret shown once: those who chose `webhook` are told through it",
  })
  @ApiOutcomes(
    { status: 200, description: 'The webhook and its secret', schema: createdNotificationWebhook },
    400,
    404,
    409,
  )
  async set(
    @Param('periodId') periodId: string,
    @JsonBody(notificationWebhookBody) { url }: z.infer<typeof notificationWebhookBody>,
    @CurrentActor() actor: Actor,
  ): Promise<z.input<typeof createdNotificationWebhook>> {
    await this.periods.find(periodId);
    return this.webhooks.set(periodId, url, actor.name);
  }

  @Delete()
  @HttpCode(204)
  @Access('period.manage', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary: "Removes the period's notification webhook: from then on, who chose it is mailed",
  })
  @ApiOutcomes({ status: 204, description: 'Removed (or there was none)' }, 404)
  async remove(@Param('periodId') periodId: string): Promise<void> {
    await this.periods.find(periodId);
    await this.webhooks.remove(periodId);
  }
}
