import { randomUUID } from 'node:crypto';
import { systemActor } from '@hypercare/auth';
import { type EventContract, ticketContracts } from '@hypercare/contracts';
import {
  nextDueAt,
  type PeriodPolicy,
  type TicketCommand,
  ticketDecider,
  type TicketEvent,
  type TicketState,
} from '@hypercare/domain';
import type { ContractedEvent } from '@hypercare/event-store';

type HistoryEvent = ContractedEvent<EventContract>;

const TIMER = systemActor('sla-timer');
const TICKET_TYPES: ReadonlySet<string> = new Set(ticketContracts.map(({ type }) => type));
/** What the SLA timer decides: recorded ones are dropped, and decided again under the policy. */
const TIMED: ReadonlySet<string> = new Set([
  'hypercare.ticket.sla-breached.v1',
  'hypercare.ticket.escalated.v1',
]);

const isTicketEvent = (event: HistoryEvent): event is HistoryEvent & TicketEvent =>
  TICKET_TYPES.has(event.type);

/**
 * The command a person gave, as its recorded event tells it, when its outcome depends on the
 * policy (priority and deadlines, breaches found late); undefined for what stays as it was.
 */
const commandBehind = (event: TicketEvent, policy: PeriodPolicy): TicketCommand | undefined => {
  const { at, by } = event.data;
  switch (event.type) {
    case 'hypercare.ticket.triaged.v1': {
      const { category, impact, urgency } = event.data;
      return { kind: 'triage', category, impact, urgency, policy, at, by };
    }
    case 'hypercare.ticket.acknowledged.v1':
      return { kind: 'acknowledge', policy, at, by };
    case 'hypercare.ticket.resolved.v1': {
      const { rootCause, fixReference } = event.data;
      return { kind: 'resolve', rootCause, ...(fixReference ? { fixReference } : {}), policy, at, by };
    }
    case 'hypercare.ticket.reopened.v1':
      return { kind: 'reopen', reason: event.data.reason, policy, at, by };
    default:
      return undefined;
  }
};

const later = (iso: string): string => new Date(new Date(iso).getTime() + 1).toISOString();

/** One ticket's history decided again: its people's actions as they were, the rest under `policy`. */
class TicketReplay {
  private state: TicketState = ticketDecider.initialState;
  readonly events: HistoryEvent[] = [];

  constructor(
    private readonly policy: PeriodPolicy,
    /** When the period closed, which stops the timer; absent while it runs. */
    private readonly closedAt: string | undefined,
  ) {}

  take(recorded: HistoryEvent & TicketEvent): void {
    if (TIMED.has(recorded.type)) return;
    this.runTimerUntil(recorded.data.at, recorded);
    const command = commandBehind(recorded, this.policy);
    if (!command) return this.record([recorded], recorded, true);
    this.record(this.decide(command, recorded), recorded, false);
  }

  private decide(command: TicketCommand, recorded: HistoryEvent): TicketEvent[] {
    try {
      return ticketDecider.decide(command, this.state) as TicketEvent[];
    } catch (error) {
      throw new Error(
        `${recorded.stream}: its ${recorded.type} at position ${recorded.position} cannot be decided again: ${(error as Error).message}`,
      );
    }
  }

  /** The SLA timer, firing the instant each deadline passes, until `until` (or the period's close). */
  runTimerUntil(until: string, neighbour: HistoryEvent): void {
    const end = this.closedAt && this.closedAt < until ? this.closedAt : until;
    for (;;) {
      if (this.state.status === 'none') return;
      const due = nextDueAt(this.state);
      if (!due || !(due < end)) return;
      const fired = ticketDecider.decide(
        { kind: 'check-sla', policy: this.policy, at: later(due), by: TIMER.name },
        this.state,
      ) as TicketEvent[];
      if (fired.length === 0) return;
      this.record(fired, neighbour, false, { actor: TIMER });
    }
  }

  private record(
    events: TicketEvent[],
    from: HistoryEvent,
    asRecorded: boolean,
    metadata: HistoryEvent['metadata'] = from.metadata,
  ): void {
    for (const event of events) {
      this.state = ticketDecider.evolve(this.state, event);
      const version = this.events.length;
      const same = asRecorded || event.type === from.type;
      this.events.push({
        ...from,
        id: same ? from.id : randomUUID(),
        type: event.type,
        data: event.data,
        version,
        metadata: { ...metadata, streamVersion: version },
        recordedAt: same ? from.recordedAt : new Date(event.data.at),
      } as HistoryEvent);
    }
  }
}

/**
 * A period's history as it would have gone under another policy: every non-ticket event as it
 * was, and each ticket's actions by people (reports, triage inputs, assignments,
 * acknowledgements, resolutions, their times) as they were, while everything the policy
 * decides is decided again by the same ticket decider: priorities, deadlines, breaches and
 * escalations (the timer fires the instant a deadline passes, until `until` or the period's
 * close). Events keep their places in the log; a ticket's re-decided events take the place of
 * the event that caused them.
 */
export const reDecidedHistory = (
  history: readonly HistoryEvent[],
  policy: PeriodPolicy,
  { until, closedAt }: { until: string; closedAt?: string },
): HistoryEvent[] => {
  const tickets = new Map<string, TicketReplay>();
  const result: HistoryEvent[] = [];
  for (const event of history) {
    if (!isTicketEvent(event)) {
      result.push(event);
      continue;
    }
    const ticket = tickets.get(event.stream) ?? new TicketReplay(policy, closedAt);
    tickets.set(event.stream, ticket);
    const from = ticket.events.length;
    ticket.take(event);
    result.push(...ticket.events.slice(from));
  }
  for (const ticket of tickets.values()) {
    const before = ticket.events.length;
    const last = ticket.events[before - 1];
    if (last) ticket.runTimerUntil(until, last);
    result.push(...ticket.events.slice(before));
  }
  return result;
};
