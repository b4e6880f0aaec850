import { z } from 'zod';
import type { ExitEvent } from './exit.decider';

const entry = z.object({
  at: z.string(),
  what: z.enum(['met', 'unmet', 'checked', 'ready', 'not-ready']),
  criteria: z
    .array(z.string())
    .describe('The criterion that crossed; for ready, all; for not-ready, the unmet ones'),
  met: z.boolean().nullable().describe('What a check found'),
  value: z.number().nullable().describe('The figure that crossed; null when the metric had no data'),
  comparator: z.string().nullable(),
  target: z.number().nullable(),
  note: z.string().nullable().describe("A check's note: how it was checked"),
  by: z.string().nullable().describe('Who checked'),
});
type Entry = z.input<typeof entry>;

export const exitHistoryView = z.object({ items: z.array(entry) });

const none = { met: null, value: null, comparator: null, target: null, note: null, by: null };

/** One recorded moment of the exit evaluation, as people read it. */
const entryOf = (event: ExitEvent): Entry => {
  switch (event.type) {
    case 'hypercare.exit.criterion-met.v1':
    case 'hypercare.exit.criterion-unmet.v1': {
      const { at, criterion, value, comparator, target } = event.data;
      const what = event.type === 'hypercare.exit.criterion-met.v1' ? 'met' : 'unmet';
      return { ...none, at, what, criteria: [criterion], value, comparator, target };
    }
    case 'hypercare.exit.criterion-checked.v1': {
      const { at, criterion, met, note, by } = event.data;
      return { ...none, at, what: 'checked', criteria: [criterion], met, note, by };
    }
    case 'hypercare.exit.ready.v1':
      return { ...none, at: event.data.at, what: 'ready', criteria: event.data.criteria };
    case 'hypercare.exit.not-ready.v1':
      return { ...none, at: event.data.at, what: 'not-ready', criteria: event.data.unmet };
  }
};

/** The period's exit stream, oldest first: every crossing, check and change of readiness. */
export const exitHistoryOf = (events: ExitEvent[]): z.input<typeof exitHistoryView> => ({
  items: events.map(entryOf),
});
