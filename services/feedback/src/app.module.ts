import { type DynamicModule, Module } from '@nestjs/common';
import { feedbackItemContracts, hypercareContracts, surveyContracts } from '@hypercare/contracts';
import { type Infrastructure, RuntimeModule } from '@hypercare/runtime';
import { ServiceKitModule } from '@hypercare/service-kit';
import type { FeedbackConfig } from './config';
import { FeedbackItems1765000011000 } from './database/feedback-items.migration';
import { FeedbackSchema1765000009000 } from './database/feedback-schema.migration';
import { feedbackItemsProjection } from './items/feedback-items.projection';
import { ItemsModule } from './items/items.module';
import { feedbackPeriodsProjection } from './periods/feedback-periods.projection';
import { SurveysModule } from './surveys/surveys.module';
import { surveysProjection } from './surveys/surveys.projection';

/** Feedback: CSAT and pulse surveys, free feedback and training needs. */
@Module({})
export class AppModule {
  static register(config: FeedbackConfig, infrastructure?: Infrastructure): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ serviceName: 'feedback', config }),
        RuntimeModule.forRoot({
          service: 'feedback',
          contracts: hypercareContracts(),
          publishes: [...surveyContracts, ...feedbackItemContracts],
          readModel: {
            migrations: [FeedbackSchema1765000009000, FeedbackItems1765000011000],
            own: [surveysProjection, feedbackItemsProjection],
            received: [feedbackPeriodsProjection],
          },
          config,
          infrastructure,
        }),
        SurveysModule,
        ItemsModule,
      ],
    };
  }
}
