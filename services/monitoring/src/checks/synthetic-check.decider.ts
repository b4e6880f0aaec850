import { isDeepStrictEqual } from 'node:util';
import type { EventOf, SyntheticCheckDefinition, syntheticCheckContracts } from '@hypercare/contracts';
import { NotFound } from '@hypercare/domain-kit';
import type { Decider } from '@hypercare/event-store';
import { v5 as nameBasedUuid } from 'uuid';

const CHECK_NAMESPACE = '2b7e9c41-3d5a-4f60-8a1b-9c0d2e3f4a5b';

/** A check is named within its period: the same name is the same check, redefined. */
export const checkIdOf = (periodId: string, name: string): string =>
  nameBasedUuid(`${periodId}/${name}`, CHECK_NAMESPACE);
export const checkStream = (checkId: string): string => `synthetic-check-${checkId}`;

export type CheckCommand =
  | { kind: 'define'; periodId: string; name: string; definition: SyntheticCheckDefinition }
  | { kind: 'remove'; periodId: string; name: string };

export type CheckEvent = EventOf<(typeof syntheticCheckContracts)[number]>;
export type CheckState =
  { status: 'none' | 'removed' } | { status: 'defined'; definition: SyntheticCheckDefinition };

/** A synthetic check: defined, redefined (the same definition again records nothing), removed. */
export const checkDecider: Decider<CheckCommand, CheckEvent, CheckState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    const checkId = checkIdOf(command.periodId, command.name);
    const ref = { checkId, periodId: command.periodId, name: command.name };
    if (command.kind === 'remove') {
      if (state.status !== 'defined') throw new NotFound('synthetic check', command.name);
      return [{ type: 'hypercare.synthetic-check.removed.v1', data: ref }];
    }
    if (state.status === 'defined' && isDeepStrictEqual(state.definition, command.definition)) return [];
    return [{ type: 'hypercare.synthetic-check.defined.v1', data: { ...ref, ...command.definition } }];
  },
  evolve(_, event) {
    if (event.type === 'hypercare.synthetic-check.removed.v1') return { status: 'removed' };
    const { checkId: _id, periodId: _period, name: _name, ...definition } = event.data;
    return { status: 'defined', definition };
  },
};
