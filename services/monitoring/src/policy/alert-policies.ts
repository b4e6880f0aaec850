import { Injectable } from '@nestjs/common';
import { type AlertPolicy, alertPolicy, alertPolicyContracts } from '@hypercare/contracts';
import { commandHandler, type EventMetadata, fold } from '@hypercare/event-store';
import { ServiceRuntime } from '@hypercare/runtime';
import { FreshCache } from '../fresh-cache';
import { alertPolicyDecider, alertPolicyStream } from './alert-policy.decider';

/** A period's policy and its version: 0 is the defaults, 1 the first one a lead set, and so on. */
export interface VersionedPolicy {
  policy: AlertPolicy;
  version: number;
}

const DEFAULTS = alertPolicy.parse({});
/** How long a policy read is reused: alerts come in storms, and a change may take this long to apply. */
const FRESH_MS = 5_000;

/** Reads and sets each period's monitoring policy. */
@Injectable()
export class AlertPolicies {
  private readonly handle;
  private readonly cache = new FreshCache<VersionedPolicy>(FRESH_MS);

  constructor(private readonly runtime: ServiceRuntime) {
    this.handle = commandHandler(runtime.store, alertPolicyDecider);
  }

  of(periodId: string): Promise<VersionedPolicy> {
    return this.cache.get(periodId, async () => {
      const recorded = await this.runtime.store.readStreamOf(
        alertPolicyStream(periodId),
        alertPolicyContracts,
      );
      return { policy: fold(alertPolicyDecider, recorded).policy ?? DEFAULTS, version: recorded.length };
    });
  }

  async set(periodId: string, policy: AlertPolicy, metadata: EventMetadata): Promise<VersionedPolicy> {
    const result = await this.handle(
      alertPolicyStream(periodId),
      { kind: 'set', periodId, policy },
      {
        metadata: { ...metadata, periodId },
      },
    );
    const value = { policy: result.state.policy ?? DEFAULTS, version: result.nextExpectedVersion + 1 };
    this.cache.set(periodId, value);
    return value;
  }
}
