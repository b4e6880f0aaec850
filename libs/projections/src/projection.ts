import type { EventContract } from '@hypercare/contracts';
import type { ContractedEvent, SqlExecutor } from '@hypercare/event-store';

/**
 * A read model in PostgreSQL fed from an event log: the one way a service keeps a view of
 * events (its own, or other services' as it received them). It names the contracts it reads,
 * gets their events typed and at their current version, and applies them a page at a time,
 * in log order, inside the transaction that also moves its checkpoint: the page is applied
 * exactly once, and a rebuild replays the same pages through the same `apply`.
 */
export interface Projection<C extends EventContract = EventContract> {
  /** Names its checkpoint; unique within a service. */
  readonly name: string;
  /** The events it reads; the rest of the log passes it by. */
  readonly contracts: readonly C[];
  /** Its tables, emptied before a rebuild (schema-qualified). */
  readonly tables: readonly string[];
  /**
   * Applies one page of its events, in log order, with set-based writes where it can: a page
   * may hold several events of one row, and must leave the rows as applying them one by one
   * would (the projection spec checks exactly that).
   */
  apply(events: readonly ContractedEvent<C>[], tx: SqlExecutor): Promise<void>;
}

/** Declares a projection, keeping its contracts' event types for `apply`. */
export const defineProjection = <C extends EventContract>(projection: Projection<C>): Projection<C> =>
  projection;

/** The events of a log page a projection reads; the check that makes its typed view honest. */
export const eventsFor = <C extends EventContract>(
  projection: Projection<C>,
  events: readonly ContractedEvent<EventContract>[],
): ContractedEvent<C>[] => {
  const types = new Set<string>(projection.contracts.map(({ type }) => type));
  return events.filter((event): event is ContractedEvent<C> => types.has(event.type));
};
