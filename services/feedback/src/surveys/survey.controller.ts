import { Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access } from '@hypercare/auth';
import { commandMetadata, CorrelationId } from '@hypercare/runtime';
import { ApiOutcomes, JsonBody, Public } from '@hypercare/service-kit';
import { z } from 'zod';
import { SURVEY_PAGE, SURVEY_SCRIPT } from './survey-page';
import { FeedbackPeriods } from '../periods/feedback-periods';
import { SurveyResults } from './survey-results';
import {
  invitationList,
  satisfaction,
  surveyAnswer,
  surveyAnswered,
  surveyLookup,
  surveyPage,
} from './survey.schemas';
import { Surveys } from './surveys';

/** Whoever holds a survey's link: a person, unnamed, authorised by the link alone. */
const RESPONDENT = { subject: 'survey-link', name: 'survey respondent (by link)', kind: 'person' } as const;

/**
 * Satisfaction surveys: answered without an account through the token of their link (in the
 * link's fragment and the request body, never in a URL a server sees, so it stays out of
 * access logs) on the page the link opens; issued, listed and counted per period.
 */
@ApiTags('surveys')
@Controller()
export class SurveyController {
  constructor(
    private readonly surveys: Surveys,
    private readonly results: SurveyResults,
    private readonly periods: FeedbackPeriods,
  ) {}

  @Get('surveys/respond')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({
    summary: 'The page a survey link opens (`…/surveys/respond#<token>`): the question, a score, a comment',
  })
  @ApiOutcomes({ status: 200, description: 'The page', schema: z.string() })
  respondPage(): string {
    return SURVEY_PAGE;
  }

  @Get('surveys/respond.js')
  @Public()
  @Header('content-type', 'text/javascript; charset=utf-8')
  @ApiProduces('text/javascript')
  @ApiOperation({ summary: "The survey page's script" })
  @ApiOutcomes({ status: 200, description: 'The script', schema: z.string() })
  respondScript(): string {
    return SURVEY_SCRIPT;
  }

  @Post('surveys/lookup')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'The survey a link opens: its ticket, its question, whether it can still be answered',
  })
  @ApiOutcomes({ status: 200, description: 'The survey', schema: surveyPage }, 400, 404)
  lookup(@JsonBody(surveyLookup) body: z.infer<typeof surveyLookup>): Promise<z.input<typeof surveyPage>> {
    return this.surveys.page(body.token);
  }

  @Post('surveys/answers')
  @Public()
  @ApiOperation({ summary: "Answers a survey through its link's token: once, before it expires" })
  @ApiOutcomes({ status: 201, description: 'Recorded', schema: surveyAnswered }, 400, 404, 409, 410)
  answer(
    @JsonBody(surveyAnswer) body: z.infer<typeof surveyAnswer>,
    @CorrelationId() correlationId?: string,
  ): Promise<z.input<typeof surveyAnswered>> {
    return this.surveys.answer(
      body.token,
      body.score,
      body.comment || undefined,
      commandMetadata(correlationId, { actor: RESPONDENT }),
    );
  }

  @Get('periods/:periodId/survey-invitations')
  @Access('period.manage', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary: "The period's surveys waiting for an answer, with the token each recipient's link carries",
  })
  @ApiOutcomes({ status: 200, description: 'Open invitations, oldest first', schema: invitationList }, 404)
  async invitations(@Param('periodId') periodId: string): Promise<z.input<typeof invitationList>> {
    await this.periods.known(periodId);
    return { items: await this.surveys.invitations(periodId) };
  }

  @Get('periods/:periodId/satisfaction')
  @Access('period.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary: "The period's satisfaction after resolutions: response rate, average, distribution",
  })
  @ApiOutcomes({ status: 200, description: 'The figures', schema: satisfaction }, 404)
  async satisfaction(@Param('periodId') periodId: string): Promise<z.input<typeof satisfaction>> {
    await this.periods.known(periodId);
    return this.results.of(periodId);
  }
}
