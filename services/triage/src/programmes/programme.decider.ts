import { type EventOf, type ProgrammeProfile, type programmeContracts } from '@hypercare/contracts';
import { IllegalTransition } from '@hypercare/domain-kit';
import type { Decider } from '@hypercare/event-store';

export const programmeStream = (programmeId: string): string => `programme-${programmeId}`;

export type ProgrammeCommand =
  | { kind: 'create'; programmeId: string; profile: ProgrammeProfile; legacy?: boolean }
  | { kind: 'rename'; profile: ProgrammeProfile };

export type ProgrammeEvent = EventOf<(typeof programmeContracts)[number]>;

export type ProgrammeState =
  { status: 'none' } | { status: 'created'; programmeId: string; profile: ProgrammeProfile; legacy: boolean };

const ALLOWED: Record<ProgrammeState['status'], readonly ProgrammeCommand['kind'][]> = {
  none: ['create'],
  created: ['rename'],
};

const sameProfile = (a: ProgrammeProfile, b: ProgrammeProfile): boolean =>
  a.name === b.name && a.description === b.description;

/**
 * A programme: the tenant its periods belong to. Created once; renaming it to what it is
 * already called records nothing, so a retried rename is harmless.
 */
export const programmeDecider: Decider<ProgrammeCommand, ProgrammeEvent, ProgrammeState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    if (!ALLOWED[state.status].includes(command.kind))
      throw new IllegalTransition('programme', command.kind, state.status, ALLOWED[state.status]);
    if (command.kind === 'create') {
      const { programmeId, profile, legacy } = command;
      return [
        {
          type: 'hypercare.programme.created.v1',
          data: { programmeId, ...profile, ...(legacy ? { legacy } : {}) },
        },
      ];
    }
    if (state.status === 'none' || sameProfile(state.profile, command.profile)) return [];
    return [
      {
        type: 'hypercare.programme.renamed.v1',
        data: { programmeId: state.programmeId, ...command.profile },
      },
    ];
  },

  evolve(state, event) {
    const { programmeId, name, description } = event.data;
    const profile = { name, description };
    if (event.type === 'hypercare.programme.created.v1')
      return { status: 'created', programmeId, profile, legacy: event.data.legacy === true };
    return state.status === 'none' ? state : { ...state, profile };
  },
};
