import { Module } from '@nestjs/common';
import { SlackModule } from '../channels/slack/slack.module';
import { PeriodsModule } from '../periods/periods.module';
import { SlackChannel } from './slack-channel';
import { MailChannel } from './mail-channel';
import { NotificationController } from './notification.controller';
import { NotificationDeliverer } from './notification-deliverer';
import { NotificationDigests } from './notification-digests';
import { NotificationLog } from './notification-log';
import { NotificationPreferences } from './notification-preferences';
import { PreferenceController } from './preference.controller';

@Module({
  imports: [PeriodsModule, SlackModule],
  controllers: [NotificationController, PreferenceController],
  providers: [
    MailChannel,
    SlackChannel,
    NotificationDeliverer,
    NotificationDigests,
    NotificationLog,
    NotificationPreferences,
  ],
  exports: [MailChannel, NotificationLog],
})
export class NotificationsModule {}
