import { type DynamicModule, Module } from '@nestjs/common';
import { hypercareContracts, reportContracts } from '@hypercare/contracts';
import { type Infrastructure, RuntimeModule } from '@hypercare/runtime';
import { ServiceKitModule } from '@hypercare/service-kit';
import type { IntakeConfig } from './config';
import { AccessPlacesModule } from './access-places.module';
import { ChannelsModule } from './channels/channels.module';
import { IntakeSchema1764400001000 } from './database/intake-schema.migration';
import { PeriodProgrammeIds1765000001000 } from './database/period-programme-ids.migration';
import { ScopedIdempotencyKeys1764500000000 } from './database/scoped-idempotency-keys.migration';
import { NotificationPreferences1765000023100 } from './database/notification-preferences.migration';
import { NotificationDigests1765000023300 } from './database/notification-digests.migration';
import { NotificationRoutes1765000023400 } from './database/notification-routes.migration';
import { Notifications1765000023000 } from './database/notifications.migration';
import { SlackChannels1765000023200 } from './database/slack-channels.migration';
import { PublishedArticles1765000018000 } from './database/published-articles.migration';
import { publishedArticlesProjection } from './knowledge/published-articles.projection';
import { notificationOutboxProjection } from './notifications/notification-outbox.projection';
import { NotificationsModule } from './notifications/notifications.module';
import { periodDirectoryProjection } from './periods/period-directory.projection';
import { PeriodsModule } from './periods/periods.module';
import { reportStatusProjection } from './reports/report-status.projection';
import { ReportsModule } from './reports/reports.module';

/** Intake: the front door: REST API and inbound webhooks that open reports. */
@Module({})
export class AppModule {
  static register(config: IntakeConfig, infrastructure?: Infrastructure): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ serviceName: 'intake', config }),
        RuntimeModule.forRoot({
          service: 'intake',
          contracts: hypercareContracts(),
          publishes: reportContracts,
          readModel: {
            migrations: [
              IntakeSchema1764400001000,
              ScopedIdempotencyKeys1764500000000,
              PeriodProgrammeIds1765000001000,
              PublishedArticles1765000018000,
              Notifications1765000023000,
              NotificationPreferences1765000023100,
              SlackChannels1765000023200,
              NotificationDigests1765000023300,
              NotificationRoutes1765000023400,
            ],
            received: [
              periodDirectoryProjection,
              reportStatusProjection,
              publishedArticlesProjection,
              notificationOutboxProjection,
            ],
          },
          config,
          infrastructure,
        }),
        PeriodsModule,
        ReportsModule,
        AccessPlacesModule,
        NotificationsModule,
        ChannelsModule,
      ],
    };
  }
}
