import type { EntityManager } from 'typeorm';
import type { HistoryEntry } from '../history/history-entry.entity';

/**
 * A read model fed from the history: live as events arrive, and again from the start on
 * rebuild. Both paths call the same `apply` with the same stored entries, which is what
 * makes a rebuilt projection identical to the live one.
 */
export interface Projection {
  readonly name: string;
  /** Its tables, emptied before a rebuild. */
  readonly tables: readonly string[];
  handles(type: string): boolean;
  apply(manager: EntityManager, entry: HistoryEntry): Promise<void>;
}
