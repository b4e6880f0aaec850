import { Module } from '@nestjs/common';
import { PeriodsModule } from '../periods/periods.module';
import { MailChannel } from './mail-channel';
import { NotificationController } from './notification.controller';
import { NotificationDeliverer } from './notification-deliverer';
import { NotificationLog } from './notification-log';

@Module({
  imports: [PeriodsModule],
  controllers: [NotificationController],
  providers: [MailChannel, NotificationDeliverer, NotificationLog],
  exports: [MailChannel, NotificationLog],
})
export class NotificationsModule {}
