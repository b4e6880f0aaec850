import type { Decider, DomainEvent } from './decider';

/** A minimal aggregate for exercising the decider machinery: a tally that refuses to go past a limit. */
export type TallyCommand = { type: 'Add'; amount: number } | { type: 'Close' };
export type TallyEvent =
  DomainEvent<'Added', { amount: number; total: number }> | DomainEvent<'Closed', { total: number }>;
export type Tally = { status: 'open' | 'closed'; total: number; additions: number };

export class TallyClosed extends Error {
  readonly code = 'TALLY.CLOSED';
}

export const tally: Decider<TallyCommand, TallyEvent, Tally> = {
  initialState: { status: 'open', total: 0, additions: 0 },
  decide: (command, state) => {
    if (state.status === 'closed') throw new TallyClosed('the tally is closed');
    switch (command.type) {
      case 'Add':
        return command.amount === 0
          ? []
          : [{ type: 'Added', data: { amount: command.amount, total: state.total + command.amount } }];
      case 'Close':
        return [{ type: 'Closed', data: { total: state.total } }];
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case 'Added':
        return { ...state, total: event.data.total, additions: state.additions + 1 };
      case 'Closed':
        return { ...state, status: 'closed' };
    }
  },
};
