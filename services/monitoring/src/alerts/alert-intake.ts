import { Inject, Injectable } from '@nestjs/common';
import type { AlertPolicy } from '@hypercare/contracts';
import type { Clock } from '@hypercare/domain-kit';
import { commandHandler, type EventMetadata } from '@hypercare/event-store';
import { CLOCK, ServiceRuntime } from '@hypercare/runtime';
import { AlertPolicies } from '../policy/alert-policies';
import { type AlertCommand, alertDecider, alertStream, type Notification } from './alert.decider';
import { AlertCounters, type AlertRow, type Arrival } from './alert-counters';
import { serviceOf } from './correlation';

/** What a batch did: how much came, how many distinct alerts, and what changed. */
export interface Receipt {
  notifications: number;
  alerts: number;
  raised: number;
  resolved: number;
  ticketsRequested: number;
  linked: number;
}

/**
 * Whether a re-send of an alert firing without a ticket may change anything: only once the
 * policy could ask for one (and then an open ticket is looked for first). A row whose severity
 * is not known yet is settled, which sets it right.
 */
const mayAskNow = (policy: AlertPolicy, row: AlertRow, at: string): boolean => {
  if (row.severity === null || row.raisedAt === null) return true;
  if (policy.ticketNever.includes(row.severity)) return false;
  const firingMinutes = (Date.parse(at) - row.raisedAt.getTime()) / 60_000;
  return (
    policy.ticketAtOnce.includes(row.severity) ||
    row.sinceRaise >= policy.ticketAfterNotifications ||
    firingMinutes >= policy.ticketAfterFiringMinutes
  );
};

/** An alert is its period and fingerprint: the same fingerprint in two periods is two alerts. */
export const alertIdOf = (periodId: string, fingerprint: string): string => `${periodId}:${fingerprint}`;

/**
 * Takes the notifications of one request: counts them, and runs the alert's commands only
 * where something changes (it fires, it resolves, or, firing without a ticket, the period's
 * policy may now want one). A re-send of a firing alert with its ticket costs the count only.
 */
@Injectable()
export class AlertIntake {
  private readonly handle;

  constructor(
    runtime: ServiceRuntime,
    private readonly counters: AlertCounters,
    private readonly policies: AlertPolicies,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.handle = commandHandler(runtime.store, alertDecider);
  }

  async receive(
    notifications: Array<{ periodId: string; notification: Notification }>,
    metadata: EventMetadata,
  ): Promise<Receipt> {
    const at = this.clock.now().toISOString();
    const arrivals = new Map<string, Arrival>();
    for (const { periodId, notification } of notifications) {
      const alertId = alertIdOf(periodId, notification.fingerprint);
      const count = (arrivals.get(alertId)?.count ?? 0) + 1;
      arrivals.set(alertId, { alertId, periodId, notification, count });
    }
    const rows = await this.counters.count([...arrivals.values()], at);
    const receipt: Receipt = {
      notifications: notifications.length,
      alerts: arrivals.size,
      raised: 0,
      resolved: 0,
      ticketsRequested: 0,
      linked: 0,
    };
    for (const arrival of arrivals.values()) {
      const row = rows.get(arrival.alertId) as AlertRow;
      for (const type of await this.settle(arrival, row, at, metadata)) {
        if (type === 'hypercare.alert.raised.v1') receipt.raised++;
        if (type === 'hypercare.alert.resolved.v1') receipt.resolved++;
        if (type === 'hypercare.alert.ticket-requested.v1') receipt.ticketsRequested++;
        if (type === 'hypercare.alert.linked.v1') receipt.linked++;
      }
    }
    return receipt;
  }

  /** Runs what the arrival changes; answers the types of the events it recorded. */
  private async settle(
    arrival: Arrival,
    row: AlertRow,
    at: string,
    metadata: EventMetadata,
  ): Promise<string[]> {
    const { alertId, periodId, notification, count } = arrival;
    const context = { metadata: { ...metadata, periodId } };
    const stream = alertStream(alertId);
    const firing = row.status === 'firing';
    const types: string[] = [];
    if (!notification.firing) {
      if (!firing) return types;
      const result = await this.handle(
        stream,
        { kind: 'resolve', at, notifications: Math.max(1, row.sinceRaise - count) },
        context,
      );
      if (result.state.status !== 'none') await this.counters.follow(result.state);
      return result.newEvents.map(({ type }) => type);
    }
    if (firing && row.ticketId) return types;
    const { policy, version } = await this.policies.of(periodId);
    if (firing && !mayAskNow(policy, row, at)) return types;
    const service = firing ? (row.service ?? undefined) : serviceOf(policy, notification.labels);
    const correlation = {
      policyVersion: version,
      notifications: firing ? row.sinceRaise : count,
      open: await this.counters.openTickets(alertId, periodId, service),
    };
    const command: AlertCommand = firing
      ? { kind: 'correlate', policy, correlation, at }
      : { kind: 'fire', alertId, periodId, notification, policy, correlation, at };
    const result = await this.handle(stream, command, context);
    types.push(...result.newEvents.map(({ type }) => type));
    const raised = result.newEvents.some(({ type }) => type === 'hypercare.alert.raised.v1');
    if (result.state.status !== 'none') await this.counters.follow(result.state, raised ? count : undefined);
    return types;
  }
}
