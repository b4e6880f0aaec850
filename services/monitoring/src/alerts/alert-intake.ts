import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@hypercare/domain-kit';
import { commandHandler, type EventMetadata } from '@hypercare/event-store';
import { CLOCK, ServiceRuntime } from '@hypercare/runtime';
import { AlertPolicies } from '../policy/alert-policies';
import { alertDecider, alertStream, type Notification } from './alert.decider';
import { AlertCounters, type AlertRow } from './alert-counters';
import { OpenTicketLookup } from './open-tickets';
import { type Arrival, commandFor } from './arrival-command';

/** What a batch did: how much came, how many distinct alerts, and what changed. */
export interface Receipt {
  notifications: number;
  alerts: number;
  raised: number;
  resolved: number;
  ticketsRequested: number;
  linked: number;
}

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
    private readonly openTickets: OpenTicketLookup,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.handle = commandHandler(runtime.store, alertDecider);
  }

  async receive(
    notifications: Array<{ periodId: string; notification: Notification }>,
    metadata: EventMetadata,
  ): Promise<Receipt> {
    const at = this.clock.now().toISOString();
    const receipt: Receipt = {
      notifications: notifications.length,
      alerts: 0,
      raised: 0,
      resolved: 0,
      ticketsRequested: 0,
      linked: 0,
    };
    if (!notifications.length) return receipt;
    const arrivals = new Map<string, Arrival>();
    for (const { periodId, notification } of notifications) {
      const alertId = alertIdOf(periodId, notification.fingerprint);
      const count = (arrivals.get(alertId)?.count ?? 0) + 1;
      arrivals.set(alertId, { alertId, periodId, notification, count });
    }
    const rows = await this.counters.count([...arrivals.values()], at);
    receipt.alerts = arrivals.size;
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

  /** Runs what the arrival calls for; answers the types of the events it recorded. */
  private async settle(
    arrival: Arrival,
    row: AlertRow,
    at: string,
    metadata: EventMetadata,
  ): Promise<string[]> {
    const policy = await this.policies.of(arrival.periodId);
    const command = await commandFor(arrival, row, policy, at, (service) =>
      this.openTickets.of(arrival.alertId, arrival.periodId, service),
    );
    if (!command) return [];
    // A row no command has followed yet stands for an alert whose stream was never written.
    const result = await this.handle(alertStream(arrival.alertId), command, {
      metadata: { ...metadata, periodId: arrival.periodId },
      likelyNew: row.status === null,
    });
    const raised = result.newEvents.some(({ type }) => type === 'hypercare.alert.raised.v1');
    if (result.state.status !== 'none')
      await this.counters.follow(result.state, raised ? arrival.count : undefined);
    return result.newEvents.map(({ type }) => type);
  }
}
