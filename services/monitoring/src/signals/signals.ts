import { Injectable } from '@nestjs/common';
import type { SIGNALS } from '@hypercare/contracts';
import type { EventMetadata } from '@hypercare/event-store';
import { AlertCounters } from '../alerts/alert-counters';
import { AlertIntake, alertIdOf } from '../alerts/alert-intake';
import type { Notification } from '../alerts/alert.decider';
import { AlertPolicies } from '../policy/alert-policies';
import type { SignalReceipt } from './gateway-signals';
import { SignalBuckets } from './signal-buckets';
import type { SignalEvent } from './signal-records';
import { signalNotification, signalVerdict } from './signal-rules';
import { ruleFingerprint } from './threshold';

/**
 * Takes sign-ins, job runs or business transactions: counts them per key and minute, then
 * runs the period's rules for that signal (each key, one key, or all together) over their
 * windows ending at the batch's newest event, and sends what they say into the alert pipeline.
 */
@Injectable()
export class Signals {
  constructor(
    private readonly buckets: SignalBuckets,
    private readonly counters: AlertCounters,
    private readonly policies: AlertPolicies,
    private readonly intake: AlertIntake,
  ) {}

  async receive(
    periodId: string,
    signal: (typeof SIGNALS)[number],
    events: readonly SignalEvent[],
    metadata: EventMetadata,
  ): Promise<SignalReceipt> {
    await this.buckets.add(periodId, signal, events);
    const end = new Date(Math.max(...events.map(({ time }) => time.getTime())));
    const { policy } = await this.policies.of(periodId);
    const firing = await this.counters.firingRuleAlerts(periodId);
    const seen = [...new Set(events.map(({ key }) => key))];
    const notifications: Notification[] = [];
    for (const rule of policy.signalRules.filter((candidate) => candidate.signal === signal)) {
      const keys =
        rule.key === 'all' ? 'all' : rule.key === '*' ? seen : seen.filter((key) => key === rule.key);
      if (keys !== 'all' && !keys.length) continue;
      for (const [key, window] of await this.buckets.windows(
        periodId,
        signal,
        keys,
        end,
        rule.windowMinutes,
      )) {
        const fires = firing.has(alertIdOf(periodId, ruleFingerprint(rule.name, key)));
        const verdict = signalVerdict(rule, window, fires);
        if (verdict)
          notifications.push(signalNotification(policy, rule, key, window, verdict, end.toISOString()));
      }
    }
    const alerts = await this.intake.receive(
      notifications.map((notification) => ({ periodId, notification })),
      metadata,
    );
    return { records: events.length, alerts };
  }
}
