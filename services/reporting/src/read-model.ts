import type { ReadModelOptions } from '@hypercare/runtime';
import {
  knowledgeArticleFactsProjection,
  trainingNeedFactsProjection,
} from './knowledge/knowledge-facts.projections';
import { alertFactsProjection } from './alerts/alert-facts.projection';
import { AlertFact } from './alerts/alert-fact.entity';
import { AlertFacts1765000004000 } from './database/alert-facts.migration';
import { DeflectionFacts1765000019000 } from './database/deflection-facts.migration';
import { Handoffs1765000021200 } from './database/handoffs.migration';
import { TicketReporters1765000023000 } from './database/ticket-reporters.migration';
import { Webhooks1765000022000 } from './database/webhooks.migration';
import { webhookOutboxProjection } from './webhooks/webhook-outbox.projection';
import { KnowledgeArticleText1765000021000 } from './database/knowledge-article-text.migration';
import { PeriodClosing1765000021100 } from './database/period-closing.migration';
import { PulseFacts1765000017000 } from './database/pulse-facts.migration';
import { DeflectionFact } from './deflection/deflection-fact.entity';
import { deflectionFactsProjection } from './deflection/deflection-facts.projection';
import { SurveyFacts1765000010000 } from './database/survey-facts.migration';
import { BacklogItems1765000012000 } from './database/backlog-items.migration';
import { KnowledgeFacts1765000015000 } from './database/knowledge-facts.migration';
import { KnowledgeArticleFact } from './knowledge/knowledge-article-fact.entity';
import { TrainingNeedFact } from './knowledge/training-need-fact.entity';
import { BacklogItem } from './backlog/backlog-item.entity';
import { backlogProjection } from './backlog/backlog.projection';
import { ReportingProgrammes1765000002000 } from './database/reporting-programmes.migration';
import { TimelineActor1764900002000 } from './database/timeline-actor.migration';
import { ReportingReceived1764400002000 } from './database/reporting-received.migration';
import { ReportingSchema1700000000001 } from './database/reporting-schema.migration';
import { PeriodView } from './periods/period-view.entity';
import { SurveyFact } from './satisfaction/survey-fact.entity';
import { PulseFact } from './satisfaction/pulse-fact.entity';
import { pulseFactsProjection } from './satisfaction/pulse-facts.projection';
import { surveyFactsProjection } from './satisfaction/survey-facts.projection';
import { periodListProjection } from './periods/period-list.projection';
import { programmeListProjection } from './programmes/programme-list.projection';
import { ProgrammeView } from './programmes/programme-view.entity';
import { ticketBoardProjection } from './tickets/ticket-board.projection';
import { TicketView } from './tickets/ticket-view.entity';
import { TimelineEntry } from './tickets/timeline-entry.entity';

/**
 * Reporting's read side: its tables (oldest migration first), the entities its queries use, the
 * projection of its own events (webhook deliveries) and those of what it receives, which
 * `ReadModel.history` replays for every view as of a past moment and for what-if.
 */
export const reportingReadModel = {
  migrations: [
    ReportingSchema1700000000001,
    ReportingReceived1764400002000,
    TimelineActor1764900002000,
    ReportingProgrammes1765000002000,
    AlertFacts1765000004000,
    SurveyFacts1765000010000,
    BacklogItems1765000012000,
    KnowledgeFacts1765000015000,
    PulseFacts1765000017000,
    DeflectionFacts1765000019000,
    KnowledgeArticleText1765000021000,
    PeriodClosing1765000021100,
    Handoffs1765000021200,
    Webhooks1765000022000,
    TicketReporters1765000023000,
  ],
  entities: [
    ProgrammeView,
    PeriodView,
    TicketView,
    TimelineEntry,
    AlertFact,
    SurveyFact,
    BacklogItem,
    KnowledgeArticleFact,
    TrainingNeedFact,
    PulseFact,
    DeflectionFact,
  ],
  own: [webhookOutboxProjection],
  received: [
    ticketBoardProjection,
    periodListProjection,
    programmeListProjection,
    alertFactsProjection,
    surveyFactsProjection,
    backlogProjection,
    knowledgeArticleFactsProjection,
    trainingNeedFactsProjection,
    pulseFactsProjection,
    deflectionFactsProjection,
  ],
} satisfies ReadModelOptions;
