import { Injectable } from '@nestjs/common';
import type { EventMetadata } from '@hypercare/event-store';
import type { Notification } from '../alerts/alert.decider';
import { AlertCounters } from '../alerts/alert-counters';
import { AlertIntake, alertIdOf, type Receipt } from '../alerts/alert-intake';
import { AlertPolicies } from '../policy/alert-policies';
import { GatewayBuckets } from './gateway-buckets';
import type { GatewayRecord } from './gateway-records';
import { gatewayVerdict, ruleNotification } from './gateway-rules';
import { ruleFingerprint } from './threshold';

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
    private readonly counters: AlertCounters,
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
    const firing = await this.counters.firingRuleAlerts(periodId);
    const notifications: Notification[] = [];
    for (const rule of policy.gatewayRules) {
      const routes = rule.route === '*' ? seen : seen.filter((route) => route === rule.route);
      if (!routes.length) continue;
      const windows = await this.buckets.windows(periodId, routes, end, rule.windowMinutes);
      for (const [route, stats] of windows) {
        const fires = firing.has(alertIdOf(periodId, ruleFingerprint(rule.name, route)));
        const verdict = gatewayVerdict(rule, stats, fires);
        if (verdict) notifications.push(ruleNotification(policy, rule, route, stats, verdict, at));
      }
    }
    const alerts = await this.intake.receive(
      notifications.map((notification) => ({ periodId, notification })),
      metadata,
    );
    return { records: records.length, alerts };
  }
}
