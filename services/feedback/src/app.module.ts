import { type DynamicModule, Module } from '@nestjs/common';
import {
  feedbackItemContracts,
  hypercareContracts,
  knowledgeContracts,
  pulseContracts,
  surveyContracts,
  trainingNeedContracts,
} from '@hypercare/contracts';
import { type Infrastructure, RuntimeModule } from '@hypercare/runtime';
import { ServiceKitModule } from '@hypercare/service-kit';
import type { FeedbackConfig } from './config';
import { FeedbackItems1765000011000 } from './database/feedback-items.migration';
import { FeedbackSchema1765000009000 } from './database/feedback-schema.migration';
import { feedbackItemsProjection } from './items/feedback-items.projection';
import { ItemsModule } from './items/items.module';
import { KnowledgeArticles1765000013000 } from './database/knowledge-articles.migration';
import { articlesProjection } from './knowledge/articles.projection';
import { KnowledgeModule } from './knowledge/knowledge.module';
import { TrainingNeeds1765000014000 } from './database/training-needs.migration';
import { trainingNeedsProjection } from './training/training-needs.projection';
import { TrainingModule } from './training/training.module';
import { TicketsModule } from './tickets/tickets.module';
import { feedbackPeriodsProjection } from './periods/feedback-periods.projection';
import { Pulses1765000016000 } from './database/pulses.migration';
import { pulseAnswersProjection } from './pulses/pulse-answers.projection';
import { pulseRoundsProjection } from './pulses/pulse-rounds.projection';
import { pulsesProjection } from './pulses/pulses.projection';
import { PulsesModule } from './pulses/pulses.module';
import { SurveysModule } from './surveys/surveys.module';
import { surveysProjection } from './surveys/surveys.projection';

/** Feedback: satisfaction and pulse surveys, free feedback and its backlog, the knowledge base. */
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
          publishes: [
            ...surveyContracts,
            ...pulseContracts,
            ...feedbackItemContracts,
            ...knowledgeContracts,
            ...trainingNeedContracts,
          ],
          readModel: {
            migrations: [
              FeedbackSchema1765000009000,
              FeedbackItems1765000011000,
              KnowledgeArticles1765000013000,
              TrainingNeeds1765000014000,
              Pulses1765000016000,
            ],
            own: [
              surveysProjection,
              feedbackItemsProjection,
              articlesProjection,
              trainingNeedsProjection,
              pulsesProjection,
              pulseRoundsProjection,
              pulseAnswersProjection,
            ],
            received: [feedbackPeriodsProjection],
          },
          config,
          infrastructure,
        }),
        SurveysModule,
        PulsesModule,
        ItemsModule,
        KnowledgeModule,
        TrainingModule,
        TicketsModule,
      ],
    };
  }
}
