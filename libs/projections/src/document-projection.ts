import type { EventContract } from '@hypercare/contracts';
import type { ContractedEvent, SqlExecutor } from '@hypercare/event-store';
import { DocumentTable, type DocumentTableOptions } from './documents';
import { defineProjection, type Projection } from './projection';

export interface DocumentProjectionOptions<C extends EventContract, Doc extends object> {
  name: string;
  contracts: readonly C[];
  /** The table of rows, one per key. */
  documents: DocumentTableOptions<Doc>;
  /** The key of the row an event changes. */
  keyOf(event: ContractedEvent<C>): string;
  /**
   * The row after one more event, from the row before it (`undefined`: none yet). Pure.
   * Returning the same object changes nothing; returning `undefined` deletes the row.
   */
  evolve(doc: Doc | undefined, event: ContractedEvent<C>): Doc | undefined;
}

/**
 * A projection of one row per key, each event folded into its row by a pure `evolve`: the
 * page's rows are loaded in one statement, folded in memory in log order, and written back
 * in one (deleted in another), so a page costs the same few statements however many events
 * it holds. The usual shape of a read model; the file to copy for a new one.
 */
export const documentProjection = <C extends EventContract, Doc extends object>(
  options: DocumentProjectionOptions<C, Doc>,
): Projection<C> & { documents: DocumentTable<Doc> } => {
  const documents = new DocumentTable<Doc>(options.documents);
  return {
    ...defineProjection({
      name: options.name,
      contracts: options.contracts,
      tables: [options.documents.table],
      apply: (events, tx) => applyPage(options, documents, events, tx),
    }),
    documents,
  };
};

const applyPage = async <C extends EventContract, Doc extends object>(
  { keyOf, evolve }: DocumentProjectionOptions<C, Doc>,
  documents: DocumentTable<Doc>,
  events: readonly ContractedEvent<C>[],
  tx: SqlExecutor,
): Promise<void> => {
  const keys = events.map(keyOf);
  const stored = await documents.load(tx, [...new Set(keys)]);
  const current = new Map(stored);
  const changed = new Set<string>();
  events.forEach((event, index) => {
    const key = keys[index] as string;
    const before = current.get(key);
    const after = evolve(before, event);
    if (after === before) return;
    changed.add(key);
    if (after === undefined) current.delete(key);
    else current.set(key, after);
  });
  const saved = [...changed].flatMap((key) => current.get(key) ?? []);
  const removed = [...changed].filter((key) => !current.has(key) && stored.has(key));
  await documents.save(tx, saved);
  await documents.remove(tx, removed);
};
