import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { postmortemContracts, type PeriodConfiguration } from '@hypercare/contracts';
import { type Clock, InvalidCommand, NotFound } from '@hypercare/domain-kit';
import { commandHandler, type EventMetadata, fold } from '@hypercare/event-store';
import { CLOCK, ReadModel, ServiceRuntime } from '@hypercare/runtime';
import { DataSource, In } from 'typeorm';
import { PeriodView } from '../periods/period-view.entity';
import { TicketView } from '../tickets/ticket-view.entity';
import { type PostmortemDocument, postmortemDocument } from './postmortem-document';
import { postmortemMarkdown } from './postmortem-markdown';
import {
  type AuthoredSections,
  type PostmortemCommand,
  postmortemDecider,
  type PostmortemScope,
  type PostmortemState,
  postmortemStream,
} from './postmortem.decider';

type Open = Exclude<PostmortemState, { status: 'none' }>;
type Acting = { by: string; metadata: EventMetadata };
type Change = PostmortemCommand extends infer C
  ? C extends { kind: 'draft' | 'publish' }
    ? never
    : C
  : never;

/**
 * Reporting's post-mortems (`postmortem-<id>`): drafted over tickets of one period (or all of
 * them), their documents generated from the period's history (up to now for a draft, up to
 * the recorded position once published) with the analyst's sections.
 */
@Injectable()
export class Postmortems {
  private readonly handle;

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly readModel: ReadModel,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.handle = commandHandler(runtime.store, postmortemDecider);
  }

  async draft(
    periodId: string,
    draft: { title: string; scope: PostmortemScope; namesShown: boolean },
    { by, metadata }: Acting,
  ): Promise<PostmortemDocument> {
    await this.period(periodId);
    if (draft.scope.kind === 'tickets') await this.inPeriod(periodId, draft.scope.ticketIds);
    const postmortemId = randomUUID();
    const { state } = await this.handle(
      postmortemStream(postmortemId),
      { kind: 'draft', postmortemId, periodId, ...draft, at: this.now(), by },
      { expect: 'new', metadata: { ...metadata, periodId } },
    );
    return this.documentOf(state as Open);
  }

  edit(periodId: string, postmortemId: string, sections: AuthoredSections, acting: Acting) {
    return this.change(
      periodId,
      postmortemId,
      { kind: 'edit', sections, at: this.now(), by: acting.by },
      acting,
    );
  }

  requestReview(periodId: string, postmortemId: string, acting: Acting) {
    return this.change(
      periodId,
      postmortemId,
      { kind: 'request-review', at: this.now(), by: acting.by },
      acting,
    );
  }

  returnToDraft(periodId: string, postmortemId: string, reason: string, acting: Acting) {
    const command = { kind: 'return-to-draft' as const, reason, at: this.now(), by: acting.by };
    return this.change(periodId, postmortemId, command, acting);
  }

  private async change(periodId: string, postmortemId: string, command: Change, { metadata }: Acting) {
    await this.state(periodId, postmortemId);
    const { state } = await this.handle(postmortemStream(postmortemId), command, {
      expect: 'existing',
      metadata: { ...metadata, periodId },
    });
    return this.documentOf(state as Open);
  }

  /** Publishes a reviewed post-mortem, its generated sections pinned to the history as it stands. */
  async publish(
    periodId: string,
    postmortemId: string,
    { by, metadata }: Acting,
  ): Promise<PostmortemDocument> {
    const state = await this.state(periodId, postmortemId);
    const at = this.now();
    const document = await this.build(
      { ...state, updatedAt: at, published: undefined },
      await this.readModel.history.head(),
    );
    const published = {
      ...document,
      status: 'published' as const,
      publishedAt: at,
      updatedAt: at,
      digest: null,
    };
    const digest = createHash('sha256').update(postmortemMarkdown(published)).digest('hex');
    await this.handle(
      postmortemStream(postmortemId),
      { kind: 'publish', position: document.reflects.position, digest, at, by },
      { expect: 'existing', metadata: { ...metadata, periodId } },
    );
    return { ...published, digest };
  }

  async document(periodId: string, postmortemId: string): Promise<PostmortemDocument> {
    return this.documentOf(await this.state(periodId, postmortemId));
  }

  /** The document of a state: on the history as it stands, or as it stood when published. */
  private async documentOf(state: Open): Promise<PostmortemDocument> {
    return this.build(state, state.published?.position ?? (await this.readModel.history.head()));
  }

  /** The period's post-mortems, newest first. */
  async list(periodId: string) {
    await this.period(periodId);
    const drafted = await this.runtime.store.readAll({
      filter: { types: ['hypercare.postmortem.drafted.v1'] },
    });
    const ids = drafted
      .filter(({ data }) => (data as { periodId: string }).periodId === periodId)
      .map(({ data }) => (data as { postmortemId: string }).postmortemId);
    const states = await Promise.all(ids.map((id) => this.state(periodId, id)));
    return states
      .map(({ postmortemId, status, sections, scope, updatedAt, published }) => ({
        postmortemId,
        title: sections.title,
        status,
        scope,
        updatedAt,
        publishedAt: published?.at ?? null,
      }))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  private async build(state: Open, position: number): Promise<PostmortemDocument> {
    const period = await this.period(state.periodId);
    const configuration = period.configuration as PeriodConfiguration;
    const { events } = await this.readModel.history.read({
      asOf: { position: Math.max(position, 1) },
      periodId: state.periodId,
    });
    return postmortemDocument({
      state,
      period: { systemName: period.systemName, roster: configuration.roster },
      events: position === 0 ? [] : events,
      position,
    });
  }

  private async state(periodId: string, postmortemId: string): Promise<Open> {
    const events = await this.runtime.store.readStreamOf(postmortemStream(postmortemId), postmortemContracts);
    const state = fold(postmortemDecider, events);
    if (state.status === 'none' || state.periodId !== periodId)
      throw new NotFound('post-mortem', postmortemId);
    return state;
  }

  private async period(periodId: string): Promise<PeriodView> {
    const period = await this.dataSource.getRepository(PeriodView).findOneBy({ periodId });
    if (!period) throw new NotFound('period', periodId);
    return period;
  }

  private async inPeriod(periodId: string, ticketIds: readonly string[]): Promise<void> {
    const found = await this.dataSource.getRepository(TicketView).findBy({ ticketId: In([...ticketIds]) });
    const ofPeriod = new Set(
      found.filter((ticket) => ticket.periodId === periodId).map(({ ticketId }) => ticketId),
    );
    const issues = ticketIds.flatMap((ticketId, index) =>
      ofPeriod.has(ticketId)
        ? []
        : [
            {
              field: `scope.ticketIds[${index}]`,
              message: `${ticketId} is not a ticket of period ${periodId}`,
            },
          ],
    );
    if (issues.length) throw new InvalidCommand(issues);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
