import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@hypercare/auth';
import { ApiOutcomes, ValidQuery } from '@hypercare/service-kit';
import type { z } from 'zod';
import { PeriodDirectory } from '../periods/period-directory';
import { NotificationLog } from './notification-log';
import { notificationDetail, notificationList, notificationQuery } from './notification.schemas';

@ApiTags('notifications')
@Controller('periods/:periodId/notifications')
@Access('period.manage', { kind: 'period', param: 'periodId' })
export class NotificationController {
  constructor(
    private readonly log: NotificationLog,
    private readonly periods: PeriodDirectory,
  ) {}

  @Get()
  @ApiOperation({
    summary: "The period's notifications, newest first: who was told what, and whether it went out",
  })
  @ApiOutcomes({ status: 200, description: 'A page of notifications', schema: notificationList }, 400, 404)
  async list(
    @Param('periodId') periodId: string,
    @ValidQuery(notificationQuery) query: z.infer<typeof notificationQuery>,
  ): Promise<z.input<typeof notificationList>> {
    await this.periods.find(periodId);
    return this.log.list(periodId, query);
  }

  @Get(':notificationId')
  @ApiOperation({ summary: 'A notification: what it says, and each attempt to deliver it' })
  @ApiOutcomes({ status: 200, description: 'The notification', schema: notificationDetail }, 404)
  get(
    @Param('periodId') periodId: string,
    @Param('notificationId') notificationId: string,
  ): Promise<z.input<typeof notificationDetail>> {
    return this.log.get(periodId, notificationId);
  }

  @Post(':notificationId/replay')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sends a dead notification (or one only kept in the log) again, with a fresh count of attempts',
  })
  @ApiOutcomes({ status: 200, description: 'Queued again', schema: notificationDetail }, 404, 409)
  replay(
    @Param('periodId') periodId: string,
    @Param('notificationId') notificationId: string,
  ): Promise<z.input<typeof notificationDetail>> {
    return this.log.replay(periodId, notificationId);
  }
}
