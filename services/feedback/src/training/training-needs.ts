import { Inject, Injectable } from '@nestjs/common';
import type { QuestionRef } from '@hypercare/contracts';
import { type Clock, NotFound } from '@hypercare/domain-kit';
import { commandHandler, type EventMetadata } from '@hypercare/event-store';
import { CLOCK, ServiceRuntime } from '@hypercare/runtime';
import { articleStream } from '../knowledge/article.decider';
import { clusterQuestions, DEFAULT_CLUSTER_SETTINGS } from './question-clusters';
import {
  needIdOf,
  type NeedStatus,
  needStream,
  type TrainingNeedCommand,
  trainingNeedDecider,
} from './training-need.decider';

const DAY = 86_400_000;

/** A report or question shaped like "how do I …": someone who does not know how, not something broken. */
export const HOW_DO_I =
  /\b(how (do|can|should|to|does)|where (do|can|is|are)|is there a way|what is the way|can i\b|can't find how)/i;

type Answer = Omit<Extract<TrainingNeedCommand, { kind: 'address' }>, 'kind' | 'needId' | 'periodId' | 'at'>;

/**
 * Records question-shaped items and, after each, looks for needs among the period's questions
 * of the window: a group of recurring questions becomes a need, or grows the open need it
 * shares questions with. Detections of one period run one at a time in this process.
 */
@Injectable()
export class TrainingNeeds {
  private readonly handle;
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly runtime: ServiceRuntime,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.handle = commandHandler(runtime.store, trainingNeedDecider);
  }

  /** Records a question (once per item) and looks for the needs it makes or joins. */
  async heard(
    periodId: string,
    item: QuestionRef,
    text: string,
    at: string,
    metadata: EventMetadata,
  ): Promise<void> {
    await this.runtime.sql.query(
      `insert into feedback.questions (item_id, period_id, source, text, at) values ($1, $2, $3, $4, $5)
       on conflict (item_id) do nothing`,
      [item.id, periodId, item.source, text, at],
    );
    const previous = this.running.get(periodId) ?? Promise.resolve();
    const next = previous.then(() => this.detect(periodId, at, metadata));
    this.running.set(
      periodId,
      next.catch(() => undefined),
    );
    await next;
  }

  async list(periodId: string, status: NeedStatus | undefined) {
    const rows = await this.runtime.sql.query<{
      need_id: string;
      status: NeedStatus;
      items: QuestionRef[];
      top_terms: string[];
      identified_at: Date;
      answers: Array<{
        articleId?: string;
        session?: { title: string; date: string; audience: string };
        by: string;
        at: string;
      }>;
      closed_at: Date | null;
    }>(
      `select * from feedback.training_needs where period_id = $1 and ($2::text is null or status = $2)
        order by identified_at desc, need_id`,
      [periodId, status ?? null],
    );
    return rows.map((row) => ({
      needId: row.need_id,
      status: row.status,
      items: row.items,
      topTerms: row.top_terms,
      identifiedAt: row.identified_at.toISOString(),
      answers: row.answers,
      closedAt: row.closed_at?.toISOString() ?? null,
    }));
  }

  /** Addresses (an article of the period, or a session) or closes a need. */
  async change(
    periodId: string,
    needId: string,
    change: Answer | { by: string; close: true },
    metadata: EventMetadata,
  ) {
    if ('articleId' in change && change.articleId) {
      // Read from the article's stream, not the list: an article drafted a moment ago counts.
      const [drafted] = await this.runtime.store.readStream(articleStream(change.articleId));
      if ((drafted?.data as { periodId?: string } | undefined)?.periodId !== periodId)
        throw new NotFound('article', change.articleId);
    }
    const at = this.clock.now().toISOString();
    const command: TrainingNeedCommand =
      'close' in change
        ? { kind: 'close', needId, periodId, at, by: change.by }
        : { kind: 'address', needId, periodId, at, ...change };
    const result = await this.handle(needStream(needId), command, { metadata: { ...metadata, periodId } });
    return { needId, status: result.state.status === 'none' ? 'identified' : result.state.status };
  }

  private async detect(periodId: string, at: string, metadata: EventMetadata): Promise<void> {
    const since = new Date(Date.parse(at) - DEFAULT_CLUSTER_SETTINGS.windowDays * DAY);
    const questions = await this.runtime.sql.query<{
      item_id: string;
      source: QuestionRef['source'];
      text: string;
      at: Date;
    }>(
      'select item_id, source, text, at from feedback.questions where period_id = $1 and at > $2 and at <= $3',
      [periodId, since, at],
    );
    const sources = new Map(questions.map((row) => [row.item_id, row.source]));
    const askedAt = new Map(questions.map((row) => [row.item_id, row.at.getTime()]));
    const needs = await this.runtime.sql.query<{ need_id: string; status: string; items: QuestionRef[] }>(
      'select need_id, status, items from feedback.training_needs where period_id = $1',
      [periodId],
    );
    const needOf = new Map(needs.flatMap((need) => need.items.map(({ id }) => [id, need] as const)));
    const clusters = clusterQuestions(
      questions.map((row) => ({ id: row.item_id, text: row.text, at: row.at })),
    );
    const identify = (needId: string, ids: string[], topTerms: string[]) =>
      this.handle(
        needStream(needId),
        {
          kind: 'identify',
          needId,
          periodId,
          at,
          items: ids.map((id) => ({ id, source: sources.get(id) ?? 'report' })),
          topTerms,
        },
        { metadata: { ...metadata, periodId } },
      );
    for (const cluster of clusters) {
      let free = cluster.ids.filter((id) => needOf.get(id)?.status !== 'closed');
      const open = cluster.ids.map((id) => needOf.get(id)).find((need) => need && need.status !== 'closed');
      if (open) {
        const { state } = await identify(open.need_id, free, cluster.topTerms);
        // The list may not show yet that the need was closed: its stream does.
        if (state.status !== 'closed') continue;
        free = free.filter((id) => !state.items.includes(id));
      }
      if (free.length < DEFAULT_CLUSTER_SETTINGS.minItems) continue;
      const first = free.reduce((earliest, id) =>
        (askedAt.get(id) ?? 0) < (askedAt.get(earliest) ?? 0) ? id : earliest,
      );
      await identify(needIdOf(periodId, first), free, cluster.topTerms);
    }
  }
}
