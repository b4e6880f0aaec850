import { Module } from '@nestjs/common';
import { SlackModule } from '../channels/slack/slack.module';
import { PeriodsModule } from '../periods/periods.module';
import { SlackChannel, SlackDirectChannel } from './slack-channel';
import { SurveyLinks } from './survey-links';
import { TeamsChannel } from './teams-channel';
import { WebhookChannel } from './webhook-channel';
import { NotificationWebhookController } from './notification-webhook.controller';
import { NotificationWebhooks } from './notification-webhooks';
import { TeamsModule } from '../channels/teams/teams.module';
import { MailChannel } from './mail-channel';
import { NotificationController } from './notification.controller';
import { NotificationDeliverer } from './notification-deliverer';
import { NotificationDigests } from './notification-digests';
import { NotificationLog } from './notification-log';
import { NotificationPreferences } from './notification-preferences';
import { PreferenceController } from './preference.controller';

@Module({
  imports: [PeriodsModule, SlackModule, TeamsModule],
  controllers: [NotificationController, NotificationWebhookController, PreferenceController],
  providers: [
    MailChannel,
    SlackChannel,
    SlackDirectChannel,
    TeamsChannel,
    WebhookChannel,
    NotificationWebhooks,
    SurveyLinks,
    NotificationDeliverer,
    NotificationDigests,
    NotificationLog,
    NotificationPreferences,
  ],
  exports: [MailChannel, NotificationLog],
})
export class NotificationsModule {}
