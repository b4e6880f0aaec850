import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  periodContracts,
  type PeriodDefinition,
  periodPlanned,
  type PeriodStatus,
} from '@hypercare/contracts';
import { type Clock, NotFound } from '@hypercare/domain-kit';
import { commandHandler, fold, WrongExpectedVersion, type EventMetadata } from '@hypercare/event-store';
import { CLOCK, ServiceRuntime } from '@hypercare/runtime';
import { UnmetCriteria } from '../exit/unmet-criteria';
import { OpenTickets } from './open-tickets';
import { type PeriodCommand, periodDecider, type PeriodState, periodStream } from './period.decider';

/** What every command answers: where the period stands and the version a reader can wait for. */
export interface PeriodOutcome {
  periodId: string;
  status: PeriodStatus;
  version: number;
  position?: number;
}

export type OpenPeriod = Exclude<PeriodState, { status: 'none' }>;

/** Runs period commands against the period's stream and reads periods back. */
@Injectable()
export class PeriodService {
  private readonly handle;

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly openTickets: OpenTickets,
    private readonly unmetCriteria: UnmetCriteria,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.handle = commandHandler(runtime.store, periodDecider);
  }

  /** Plans a period of the programme, which the caller has found to exist. */
  async plan(
    programmeId: string,
    definition: PeriodDefinition,
    metadata: EventMetadata,
  ): Promise<PeriodOutcome> {
    const periodId = randomUUID();
    return this.run(periodId, { kind: 'plan', periodId, programmeId, definition }, metadata, 'new');
  }

  reconfigure(
    periodId: string,
    definition: PeriodDefinition,
    metadata: EventMetadata,
  ): Promise<PeriodOutcome> {
    return this.run(periodId, { kind: 'reconfigure', definition }, metadata);
  }

  activate(periodId: string, metadata: EventMetadata): Promise<PeriodOutcome> {
    return this.run(periodId, { kind: 'activate', at: this.now() }, metadata);
  }

  extend(
    periodId: string,
    plannedEndAt: string,
    reason: string,
    metadata: EventMetadata,
  ): Promise<PeriodOutcome> {
    return this.run(periodId, { kind: 'extend', plannedEndAt, reason }, metadata);
  }

  startExitReview(periodId: string, metadata: EventMetadata): Promise<PeriodOutcome> {
    return this.run(periodId, { kind: 'start-exit-review', at: this.now() }, metadata);
  }

  /**
   * Closes the period; its open tickets (as the SLA timers know them) refuse it unless handed
   * over, and its exit criteria not met (as reporting last evaluated them) unless overridden.
   */
  async close(
    periodId: string,
    {
      summary,
      handOver,
      override,
    }: { summary?: string; handOver: boolean; override?: { reason: string; by: string } },
    metadata: EventMetadata,
  ): Promise<PeriodOutcome> {
    const { period } = await this.get(periodId);
    const [openTickets, unmetCriteria] = await Promise.all([
      this.openTickets.of(periodId),
      this.unmetCriteria.of(periodId, period.configuration),
    ]);
    const command = { kind: 'close' as const, at: this.now(), openTickets, handOver, unmetCriteria };
    return this.run(
      periodId,
      { ...command, ...(summary ? { summary } : {}), ...(override ? { override } : {}) },
      metadata,
    );
  }

  /** The period as of now, with its stream version; NotFound when there is no such period. */
  async get(periodId: string): Promise<{ period: OpenPeriod; version: number }> {
    const recorded = await this.runtime.store.readStreamOf(periodStream(periodId), periodContracts);
    const period = fold(periodDecider, recorded);
    if (period.status === 'none') throw new NotFound('period', periodId);
    return { period, version: recorded.length - 1 };
  }

  /** The programme the period belongs to, from its first event; undefined for no such period. */
  async programmeOf(periodId: string): Promise<string | undefined> {
    const [planned] = await this.runtime.store.readStreamOf(periodStream(periodId), [periodPlanned], {
      maxCount: 1,
    });
    return planned?.data.programmeId;
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  private async run(
    periodId: string,
    command: PeriodCommand,
    metadata: EventMetadata,
    expect: 'new' | 'existing' = 'existing',
  ): Promise<PeriodOutcome> {
    const result = await this.handle(periodStream(periodId), command, {
      expect,
      metadata: { ...metadata, periodId },
    }).catch((error: unknown) => {
      throw error instanceof WrongExpectedVersion && error.actualVersion === -1
        ? new NotFound('period', periodId)
        : error;
    });
    if (result.state.status === 'none') throw new NotFound('period', periodId);
    return {
      periodId,
      status: result.state.status,
      version: result.nextExpectedVersion,
      ...(result.position !== undefined ? { position: result.position } : {}),
    };
  }
}
