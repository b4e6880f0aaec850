import { Module } from '@nestjs/common';
import { PeriodsModule } from '../periods/periods.module';
import { MailChannel } from './mail-channel';
import { NotificationController } from './notification.controller';
import { NotificationDeliverer } from './notification-deliverer';
import { NotificationLog } from './notification-log';
import { NotificationPreferences } from './notification-preferences';
import { PreferenceController } from './preference.controller';

@Module({
  imports: [PeriodsModule],
  controllers: [NotificationController, PreferenceController],
  providers: [MailChannel, NotificationDeliverer, NotificationLog, NotificationPreferences],
  exports: [MailChannel, NotificationLog],
})
export class NotificationsModule {}
