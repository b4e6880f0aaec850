import { Injectable } from '@nestjs/common';
import type { EventMetadata } from '@hypercare/event-store';
import { ServiceRuntime } from '@hypercare/runtime';
import type { Notification } from '../alerts/alert.decider';
import { AlertIntake, alertIdOf, type Receipt } from '../alerts/alert-intake';
import { AlertPolicies } from '../policy/alert-policies';
import { GatewayBuckets } from './gateway-buckets';
import type { GatewayRecord } from './gateway-records';
import { ruleFingerprint, ruleNotification, verdictOf } from './gateway-rules';

/** What a batch of gateway records did: how many were counted, and what the rules raised or resolved. */
export interface SignalReceipt {
  records: number;
  alerts: Receipt;
}

/**
 * Takes API-gateway records: counts them into per-minute buckets, then runs the period's
 * gateway rules over each route the batch touched, at the batch's newest record time (so a
 * replay of old logs judges them as they were), and sends what the rules say into the alert
 * pipeline as a source would.
 */
@Injectable()
export class GatewaySignals {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly buckets: GatewayBuckets,
    private readonly policies: AlertPolicies,
    private readonly intake: AlertIntake,
  ) {}

  async receive(
    periodId: string,
    records: readonly GatewayRecord[],
    metadata: EventMetadata,
  ): Promise<SignalReceipt> {
    await this.buckets.add(periodId, records);
    const end = new Date(Math.max(...records.map(({ time }) => time.getTime())));
    const at = end.toISOString();
    const { policy } = await this.policies.of(periodId);
    const seen = [...new Set(records.map(({ route }) => route))];
    const firing = await this.firing(periodId);
    const notifications: Notification[] = [];
    for (const rule of policy.gatewayRules) {
      const routes = rule.route === '*' ? seen : seen.filter((route) => route === rule.route);
      if (!routes.length) continue;
      const windows = await this.buckets.windows(periodId, routes, end, rule.windowMinutes);
      for (const [route, stats] of windows) {
        const fires = firing.has(alertIdOf(periodId, ruleFingerprint(rule, route)));
        const verdict = verdictOf(rule, stats, fires);
        if (verdict) notifications.push(ruleNotification(policy, rule, route, stats, verdict, at));
      }
    }
    const alerts = notifications.length
      ? await this.intake.receive(
          notifications.map((notification) => ({ periodId, notification })),
          metadata,
        )
      : { notifications: 0, alerts: 0, raised: 0, resolved: 0, ticketsRequested: 0, linked: 0 };
    return { records: records.length, alerts };
  }

  /** The period's rule alerts now firing. */
  private async firing(periodId: string): Promise<Set<string>> {
    const rows = await this.runtime.sql.query<{ alert_id: string }>(
      "select alert_id from monitoring.alerts where period_id = $1 and source = 'rule' and status = 'firing'",
      [periodId],
    );
    return new Set(rows.map(({ alert_id }) => alert_id));
  }
}
