import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type EventData, reportContracts, reportDeflected, reportSubmitted } from '@hypercare/contracts';
import { type Clock, Conflict, Gone, InvalidCommand, NotFound } from '@hypercare/domain-kit';
import type {
  AppendResult,
  ContractedTransactionalStore,
  EventMetadata,
  SqlExecutor,
} from '@hypercare/event-store';
import { CLOCK, ServiceRuntime } from '@hypercare/runtime';
import { SERVICE_CONFIG } from '@hypercare/service-kit';
import type { z } from 'zod';
import type { IntakeConfig } from '../config';
import { ArticleSuggestions } from '../knowledge/article-suggestions';
import { PeriodDirectory } from '../periods/period-directory';
import type { submitReportBody } from './report.dto';
import { reportDecider, reportStream } from './report.decider';
import { type ReportStatus, ReportStatusView } from './report-status.view';

export interface Submission {
  reportId: string;
  periodId: string;
  version: number;
  position: number;
}

export type Report = EventData<typeof reportSubmitted> & {
  status: ReportStatus | { ticketStatus: 'awaiting-triage' };
};

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const HOUR_MS = 3_600_000;

/** How long a key is remembered: a retry comes within minutes; a day covers any client's outage. */
export const IDEMPOTENCY_WINDOW_HOURS = 24;

/**
 * Takes reports in: the Report decider rules on each submission, given the period as intake
 * knows it; what a channel keeps beside a report (`alsoRecord`) commits with it. With an
 * Idempotency-Key the key, a fingerprint of the request and the report's event commit in one
 * transaction: a retry finds the key and gets the first answer back; the same key with a
 * different request is refused. A key belongs to its period and its reporter and is forgotten
 * after IDEMPOTENCY_WINDOW_HOURS. A report with nothing beside it is a plain append.
 */
@Injectable()
export class ReportService {
  private readonly store: ContractedTransactionalStore;
  /** The URL schemes attachments may use (ATTACHMENT_SCHEMES). */
  private readonly schemes: readonly string[];

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly periods: PeriodDirectory,
    private readonly statuses: ReportStatusView,
    private readonly articles: ArticleSuggestions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) { ATTACHMENT_SCHEMES }: IntakeConfig,
  ) {
    this.schemes = ATTACHMENT_SCHEMES;
    if (!runtime.store.transactional)
      throw new Error(
        "intake needs an event store with transactions: a report's idempotency key commits with its event",
      );
    this.store = runtime.store.transactional;
  }

  async submit(
    periodId: string,
    content: z.infer<typeof submitReportBody>,
    idempotencyKey: string | undefined,
    metadata: EventMetadata,
    alsoRecord?: (tx: SqlExecutor, reportId: string) => Promise<void>,
  ): Promise<{ submission: Submission; replayed: boolean }> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new InvalidCommand([
        { field: 'Idempotency-Key', message: 'must be 1-200 visible ASCII characters' },
      ]);
    }
    const plain = content.attachments.flatMap((url, i) =>
      this.schemes.includes(new URL(url).protocol.slice(0, -1)) ? [] : [i],
    );
    if (plain.length) {
      throw new InvalidCommand(
        plain.map((i) => ({
          field: `attachments[${i}]`,
          message: `must be an ${this.schemes.join(' or ')} link`,
        })),
      );
    }
    const period = await this.periods.find(periodId);
    await this.articles.checkPublished(periodId, 'shownArticleIds', content.shownArticleIds ?? []);
    const reportId = randomUUID();
    const events = reportDecider.decide(
      { kind: 'submit', reportId, period, content, at: this.clock.now().toISOString() },
      reportDecider.initialState,
    );
    const recorded = events.map(({ type, data }) => ({ type, data, metadata: { ...metadata, periodId } }));
    const submitted = (appended: AppendResult): { submission: Submission; replayed: boolean } => ({
      submission: { reportId, periodId, version: appended.nextExpectedVersion, position: appended.position },
      replayed: false,
    });
    // Nothing to commit beside it: a plain append, which shares its statement with concurrent ones.
    if (idempotencyKey === undefined && !alsoRecord)
      return submitted(
        await this.runtime.store.append(reportStream(reportId), recorded, { expectedVersion: 'no-stream' }),
      );
    const fingerprint = createHash('sha256').update(JSON.stringify({ periodId, content })).digest('hex');
    const now = this.clock.now();
    const scope = [periodId, content.reporter.email.toLowerCase(), idempotencyKey];
    return this.store.transaction(async (tx) => {
      if (idempotencyKey !== undefined) {
        await tx.query('delete from intake.idempotency_keys where created_at <= $1', [
          new Date(now.getTime() - IDEMPOTENCY_WINDOW_HOURS * HOUR_MS).toISOString(),
        ]);
        const claimed = await tx.query(
          `insert into intake.idempotency_keys (period_id, caller, key, fingerprint, submission, created_at)
           values ($1, $2, $3, $4, '{}', $5) on conflict (period_id, caller, key) do nothing returning key`,
          [...scope, fingerprint, now.toISOString()],
        );
        if (claimed.length === 0) return this.replay(tx, scope, fingerprint);
      }
      const outcome = submitted(
        await tx.append(reportStream(reportId), recorded, { expectedVersion: 'no-stream' }),
      );
      await alsoRecord?.(tx, reportId);
      if (idempotencyKey !== undefined) {
        await tx.query(
          'update intake.idempotency_keys set submission = $4 where period_id = $1 and caller = $2 and key = $3',
          [...scope, JSON.stringify(outcome.submission)],
        );
      }
      return outcome;
    });
  }

  async get(reportId: string): Promise<Report> {
    const [first] = await this.runtime.store.readStreamOf(reportStream(reportId), reportContracts, {
      maxCount: 1,
    });
    if (!first || (first.type !== reportSubmitted.type && first.type !== reportDeflected.type))
      throw new NotFound('report', reportId);
    if (first.type === reportDeflected.type)
      throw new Gone(`report ${reportId} was withdrawn before it was submitted: an article answered it`);
    const status = (await this.statuses.of(reportId)) ?? { ticketStatus: 'awaiting-triage' as const };
    return { ...first.data, status };
  }

  private async replay(tx: SqlExecutor, scope: Array<string | undefined>, fingerprint: string) {
    const [row] = await tx.query<{ fingerprint: string; submission: Submission }>(
      'select fingerprint, submission from intake.idempotency_keys where period_id = $1 and caller = $2 and key = $3',
      scope,
    );
    if (!row || row.fingerprint !== fingerprint) {
      throw new Conflict(
        `Idempotency-Key ${scope[2]} was already used by this reporter on this period for a different report in the last ${IDEMPOTENCY_WINDOW_HOURS} hours; use a new key for a new report`,
      );
    }
    return { submission: row.submission, replayed: true };
  }
}
