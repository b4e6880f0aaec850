import type { Comparator, EventOf, exitContracts } from '@hypercare/contracts';
import { InvalidCommand } from '@hypercare/domain-kit';
import type { Decider } from '@hypercare/event-store';

export const exitStream = (periodId: string): string => `exit-${periodId}`;

/** One criterion as evaluated now: measured (with its value), or manual (met as a person checked it). */
export interface CriterionResult {
  criterion: string;
  metric: string;
  comparator: Comparator;
  target: number;
  value: number | null;
  /** Undefined for a manual criterion: the checks decide. */
  met?: boolean;
}

export type ExitCommand =
  | { kind: 'evaluate'; periodId: string; at: string; results: CriterionResult[] }
  | {
      kind: 'check';
      periodId: string;
      at: string;
      criterion: string;
      manual: boolean;
      met: boolean;
      note: string;
      by: string;
    };

export type ExitEvent = EventOf<(typeof exitContracts)[number]>;

export interface CriterionState {
  met: boolean;
  since: string;
  value: number | null;
}

export interface ExitState {
  criteria: Map<string, CriterionState>;
  /** Manual criteria as last checked. */
  checks: Map<string, { met: boolean; note: string; by: string; at: string }>;
  ready: boolean;
  readySince?: string;
  /** Transitions recorded so far: how often the evaluation flapped. */
  transitions: number;
}

const initialState: ExitState = { criteria: new Map(), checks: new Map(), ready: false, transitions: 0 };

/**
 * Records the crossings only: a criterion's first evaluation (met or not), then each time it
 * flips; and the period's readiness each time all of its criteria become met, or stop being.
 * A period without criteria is never ready by evaluation. A criterion no longer defined is
 * forgotten without an event.
 */
const evaluate = (
  { periodId, at, results }: Extract<ExitCommand, { kind: 'evaluate' }>,
  state: ExitState,
): ExitEvent[] => {
  const events: ExitEvent[] = [];
  const unmet: string[] = [];
  for (const result of results) {
    const met = result.met ?? state.checks.get(result.criterion)?.met ?? false;
    if (!met) unmet.push(result.criterion);
    if (state.criteria.get(result.criterion)?.met === met) continue;
    const { criterion, metric, comparator, target, value } = result;
    const data = { periodId, criterion, metric, comparator, target, value, at };
    events.push(
      met
        ? { type: 'hypercare.exit.criterion-met.v1', data }
        : { type: 'hypercare.exit.criterion-unmet.v1', data },
    );
  }
  const ready = results.length > 0 && unmet.length === 0;
  if (ready && !state.ready)
    events.push({
      type: 'hypercare.exit.ready.v1',
      data: { periodId, at, criteria: results.map(({ criterion }) => criterion) },
    });
  if (!ready && state.ready)
    events.push({ type: 'hypercare.exit.not-ready.v1', data: { periodId, at, unmet } });
  return events;
};

export const exitDecider: Decider<ExitCommand, ExitEvent, ExitState> = {
  initialState,
  decide: (command, state) => {
    if (command.kind === 'evaluate') return evaluate(command, state);
    if (!command.manual)
      throw new InvalidCommand([
        {
          field: 'criterion',
          message: `"${command.criterion}" is measured from the period's figures; only manual criteria are checked by hand`,
        },
      ]);
    const { periodId, at, criterion, met, note, by } = command;
    return [
      { type: 'hypercare.exit.criterion-checked.v1', data: { periodId, at, criterion, met, note, by } },
    ];
  },
  evolve: (state, event) => {
    switch (event.type) {
      case 'hypercare.exit.criterion-met.v1':
      case 'hypercare.exit.criterion-unmet.v1': {
        const { criterion, at: since, value } = event.data;
        const criteria = new Map(state.criteria);
        criteria.set(criterion, { met: event.type === 'hypercare.exit.criterion-met.v1', since, value });
        return { ...state, criteria, transitions: state.transitions + 1 };
      }
      case 'hypercare.exit.criterion-checked.v1': {
        const { criterion, met, note, by, at } = event.data;
        return { ...state, checks: new Map(state.checks).set(criterion, { met, note, by, at }) };
      }
      case 'hypercare.exit.ready.v1':
        return { ...state, ready: true, readySince: event.data.at };
      case 'hypercare.exit.not-ready.v1': {
        const { readySince: _, ...rest } = state;
        return { ...rest, ready: false };
      }
    }
  },
};
