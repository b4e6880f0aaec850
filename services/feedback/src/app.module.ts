import { type DynamicModule, Module } from '@nestjs/common';
import { hypercareContracts, surveyContracts } from '@hypercare/contracts';
import { type Infrastructure, RuntimeModule } from '@hypercare/runtime';
import { ServiceKitModule } from '@hypercare/service-kit';
import type { FeedbackConfig } from './config';
import { FeedbackSchema1765000009000 } from './database/feedback-schema.migration';
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
          publishes: [...surveyContracts],
          readModel: {
            migrations: [FeedbackSchema1765000009000],
            own: [surveysProjection],
            received: [feedbackPeriodsProjection],
          },
          config,
          infrastructure,
        }),
        SurveysModule,
      ],
    };
  }
}
