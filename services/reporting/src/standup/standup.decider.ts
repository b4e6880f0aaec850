import type { EventData, EventOf, standupContracts, standupPrepared } from '@hypercare/contracts';
import type { Decider } from '@hypercare/event-store';

export const standupStream = (periodId: string): string => `standup-${periodId}`;

export type StandupCommand = { kind: 'prepare' } & EventData<typeof standupPrepared>;
export type StandupEvent = EventOf<(typeof standupContracts)[number]>;

/** A period's stand-ups, one per day: preparing a day again (a second instance, a restart) records nothing. */
export const standupDecider: Decider<StandupCommand, StandupEvent, { days: Set<string> }> = {
  initialState: { days: new Set() },
  decide: ({ kind: _, ...data }, { days }) =>
    days.has(data.day) ? [] : [{ type: 'hypercare.standup.prepared.v1', data }],
  evolve: ({ days }, event) => ({ days: new Set(days).add(event.data.day) }),
};
