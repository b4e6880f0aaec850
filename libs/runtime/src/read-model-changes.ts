import type { RecordedEvent } from '@hypercare/event-store';

/** A page a projection of received events committed: live views of these periods are out of date. */
export interface ReadModelChange {
  projection: string;
  /** The position in the service's log of received events up to which the projection has applied. */
  position: number;
  /** The periods the page's events belong to (events of no period leave it empty). */
  periodIds: string[];
}

export type ReadModelListener = (change: ReadModelChange) => void;

/** Tells listeners (open live streams) of every page the projections of received events commit. */
export class ReadModelChanges {
  private readonly listeners = new Set<ReadModelListener>();

  /** Starts telling `listener`; the function returned stops it. */
  listen(listener: ReadModelListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  applied(projection: string, events: readonly RecordedEvent[]): void {
    const last = events.at(-1);
    if (!last || this.listeners.size === 0) return;
    const periodIds = new Set<string>();
    for (const { metadata } of events)
      if (typeof metadata.periodId === 'string') periodIds.add(metadata.periodId);
    const change = { projection, position: last.position, periodIds: [...periodIds] };
    for (const listener of this.listeners) listener(change);
  }
}
