import { Global, Module } from '@nestjs/common';
import { rememberingProgrammes, RESOURCE_PLACES, type ResourcePlaces } from '@hypercare/auth';
import { ReadModel, ServiceRuntime } from '@hypercare/runtime';
import { FeedbackPeriods } from '../periods/feedback-periods';
import { TicketDirectory } from '../tickets/ticket-directory';
import { SurveyController } from './survey.controller';
import { SurveyResults } from './survey-results';
import { LinkTokens } from '../links/link-tokens';
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
      inject: [ServiceRuntime, ReadModel],
      useFactory: (runtime: ServiceRuntime) => LinkTokens.open(runtime.sql),
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
