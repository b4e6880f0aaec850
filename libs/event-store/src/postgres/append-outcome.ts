/** What `append_events` and `append_to_stream` decided for one append. */
export type AppendOutcome =
  | { status: 'ok' | 'duplicate'; position: number; version: number }
  | { status: 'wrong_version'; actual: number }
  | { status: 'id_conflict'; ids: string[] };

/** One row of the append functions per append, in the order given. */
export interface OutcomeRow {
  o_status: AppendOutcome['status'];
  o_position: string | null;
  o_version: string | null;
  o_ids: string[] | null;
}

export const toOutcome = (row: OutcomeRow): AppendOutcome => {
  switch (row.o_status) {
    case 'ok':
    case 'duplicate':
      return { status: row.o_status, position: Number(row.o_position), version: Number(row.o_version) };
    case 'wrong_version':
      return { status: 'wrong_version', actual: Number(row.o_version) };
    case 'id_conflict':
      return { status: 'id_conflict', ids: row.o_ids ?? [] };
  }
};
