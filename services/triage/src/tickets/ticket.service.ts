import { Inject, Injectable } from '@nestjs/common';
import {
  type EventData,
  type Priority,
  type reportSubmitted,
  ticketContracts,
  ticketOpened,
  type TicketStatus,
} from '@hypercare/contracts';
import { type ResourcePlace, systemActor } from '@hypercare/auth';
import { type Clock, NotFound } from '@hypercare/domain-kit';
import { commandHandler, fold, type EventMetadata } from '@hypercare/event-store';
import { CLOCK, ServiceRuntime } from '@hypercare/runtime';
import { PeriodService } from '../periods/period.service';
import { type OpenTicket, type TicketCommand, ticketDecider, ticketStream } from '@hypercare/domain';

/** The actor SLA breaches and escalations are recorded as. */
const SLA_TIMER = systemActor('sla-timer');

/** A ticket command as the API takes it: time and the period's policy are added here. */
export type TicketRequest = DistributiveOmit<
  Exclude<TicketCommand, { kind: 'open' }>,
  'at' | 'by' | 'policy'
>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface TicketOutcome {
  ticketId: string;
  status: TicketStatus;
  priority?: Priority;
  version: number;
  position?: number;
}

const NEEDS_POLICY = new Set<TicketCommand['kind']>([
  'triage',
  'assign',
  'acknowledge',
  'resolve',
  'reopen',
  'check-sla',
]);

/** Runs ticket commands: the time comes from the clock, the policy from the ticket's period. */
@Injectable()
export class TicketService {
  private readonly handle;

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly periods: PeriodService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.handle = commandHandler(runtime.store, ticketDecider);
  }

  /**
   * Opens the ticket of a submitted report, once: the report event's id is the command's
   * idempotency key, so a redelivery changes nothing. False when it was opened already.
   */
  async open(
    report: EventData<typeof reportSubmitted>,
    reportEventId: string,
    metadata: EventMetadata,
  ): Promise<boolean> {
    const command: TicketCommand = {
      kind: 'open',
      ticketId: report.reportId,
      periodId: report.periodId,
      reportId: report.reportId,
      title: report.title,
      reporter: report.reporter,
      affectedUsers: report.affectedUsers,
      reportedAt: report.submittedAt,
      at: this.clock.now().toISOString(),
      by: report.reporter.email,
    };
    const handled = await this.handle(ticketStream(report.reportId), command, {
      expect: 'new',
      idempotencyKey: reportEventId,
      metadata: { ...metadata, periodId: report.periodId },
    });
    return !handled.replayed;
  }

  /** Runs a command; with an idempotency key (a consumer's event id), a redelivery changes nothing. */
  async act(
    ticketId: string,
    request: TicketRequest,
    by: string,
    metadata: EventMetadata,
    idempotencyKey?: string,
  ): Promise<TicketOutcome> {
    return (await this.execute(ticketId, request, by, metadata, idempotencyKey)).outcome;
  }

  /**
   * Records whatever SLA breach or escalation is due now; nothing when none is (or it already
   * fired). `periodClosed`: the ticket's period is closed, so its timer has nothing left to do.
   */
  async checkSla(
    ticketId: string,
    metadata: EventMetadata,
  ): Promise<{ outcome: TicketOutcome; periodClosed: boolean }> {
    return this.execute(ticketId, { kind: 'check-sla' }, SLA_TIMER.name, { ...metadata, actor: SLA_TIMER });
  }

  private async execute(
    ticketId: string,
    request: TicketRequest,
    by: string,
    metadata: EventMetadata,
    idempotencyKey?: string,
  ): Promise<{ outcome: TicketOutcome; periodClosed: boolean }> {
    // The opening event names the period, whose status every command and whose policy some need; the handler loads the rest.
    const opened = await this.opening(ticketId);
    if (!opened) throw new NotFound('ticket', ticketId);
    const { periodId } = opened;
    const { period } = await this.periods.get(periodId);
    const command = {
      ...request,
      at: this.clock.now().toISOString(),
      by,
      ...(NEEDS_POLICY.has(request.kind) ? { policy: period.configuration } : {}),
      ...(period.status === 'closed' ? { periodClosed: true } : {}),
    } as TicketCommand;
    const result = await this.handle(ticketStream(ticketId), command, {
      expect: 'existing',
      ...(idempotencyKey ? { idempotencyKey } : {}),
      metadata: { ...metadata, periodId },
    });
    const state = result.state as OpenTicket;
    const outcome = {
      ticketId,
      status: state.status,
      ...(state.priority ? { priority: state.priority } : {}),
      version: result.nextExpectedVersion,
      ...(result.position !== undefined ? { position: result.position } : {}),
    };
    return { outcome, periodClosed: period.status === 'closed' };
  }

  /** Where a ticket lives, for the access policy: its period and who reported it; undefined for none. */
  async place(ticketId: string): Promise<ResourcePlace | undefined> {
    const opened = await this.opening(ticketId);
    return opened && { periodId: opened.periodId, reporter: opened.reporter.email };
  }

  /** What the ticket's first event says (its period, its reporter); undefined for a ticket never opened. */
  private async opening(ticketId: string) {
    const [opened] = await this.runtime.store.readStreamOf(ticketStream(ticketId), [ticketOpened], {
      maxCount: 1,
    });
    return opened?.data;
  }

  async get(ticketId: string): Promise<{ ticket: OpenTicket; version: number }> {
    const recorded = await this.runtime.store.readStreamOf(ticketStream(ticketId), ticketContracts);
    const ticket = fold(ticketDecider, recorded);
    if (ticket.status === 'none') throw new NotFound('ticket', ticketId);
    return { ticket, version: recorded.length - 1 };
  }
}
