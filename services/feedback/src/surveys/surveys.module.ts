import { Global, Module } from '@nestjs/common';
import { LinkTokens, rememberingProgrammes, RESOURCE_PLACES, type ResourcePlaces } from '@hypercare/auth';
import { ReadModel, ServiceRuntime } from '@hypercare/runtime';
import { SERVICE_CONFIG } from '@hypercare/service-kit';
import type { FeedbackConfig } from '../config';
import { FeedbackPeriods } from '../periods/feedback-periods';
import { TicketDirectory } from '../tickets/ticket-directory';
import { SurveyController } from './survey.controller';
import { SurveyResults } from './survey-results';
import { openLinkTokens } from '../links/link-secret';
import { Surveys } from './surveys';

/** Satisfaction after resolutions: surveys issued from ticket events, answered by link, counted. */
@Global()
@Module({
  controllers: [SurveyController],
  providers: [
    FeedbackPeriods,
    Surveys,
    TicketDirectory,
    SurveyResults,
    {
      provide: LinkTokens,
      // After the read model, whose migrations make the secret's table.
      inject: [ServiceRuntime, SERVICE_CONFIG, ReadModel],
      useFactory: (runtime: ServiceRuntime, config: FeedbackConfig) =>
        openLinkTokens(runtime.sql, config.HYPERCARE_SIGNING_KEY),
    },
    {
      provide: RESOURCE_PLACES,
      inject: [FeedbackPeriods],
      useFactory: (periods: FeedbackPeriods): ResourcePlaces => ({
        programmeOf: rememberingProgrammes((id) => periods.programmeOf(id)),
      }),
    },
  ],
  exports: [RESOURCE_PLACES, FeedbackPeriods, Surveys, TicketDirectory, LinkTokens],
})
export class SurveysModule {}
