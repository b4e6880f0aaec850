import type { AlertPolicy, alertPolicyContracts, EventOf } from '@hypercare/contracts';
import type { Decider } from '@hypercare/event-store';
import { isDeepStrictEqual } from 'node:util';

export const alertPolicyStream = (periodId: string): string => `alert-policy-${periodId}`;

export type AlertPolicyCommand = { kind: 'set'; periodId: string; policy: AlertPolicy };
export type AlertPolicyEvent = EventOf<(typeof alertPolicyContracts)[number]>;
/** The policy in force; absent until a lead sets one (the defaults hold until then). */
export type AlertPolicyState = { policy?: AlertPolicy };

/** A period's monitoring policy: each change is a new version; setting it to what it is records nothing. */
export const alertPolicyDecider: Decider<AlertPolicyCommand, AlertPolicyEvent, AlertPolicyState> = {
  initialState: {},
  decide: ({ periodId, policy }, state) =>
    isDeepStrictEqual(state.policy, policy)
      ? []
      : [{ type: 'hypercare.alert-policy.set.v1', data: { periodId, ...policy } }],
  evolve: (_, { data: { periodId: _periodId, ...policy } }) => ({ policy }),
};
