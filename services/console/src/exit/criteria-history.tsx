import { usePeriodRead } from '../api/period-read';
import { DataTable } from '../common/data-table';
import { Loaded } from '../common/loaded';

interface HistoryEntry {
  at: string;
  what: 'met' | 'unmet' | 'checked' | 'ready' | 'not-ready';
  criteria: string[];
  met: boolean | null;
  value: number | null;
  comparator: string | null;
  target: number | null;
  note: string | null;
}

const SAID: Record<HistoryEntry['what'], (entry: HistoryEntry) => string> = {
  met: () => 'met',
  unmet: () => 'not met',
  checked: (entry) => `checked by hand: ${entry.met ? 'met' : 'not met'} (${entry.note})`,
  ready: () => 'the period became ready',
  'not-ready': () => 'the period stopped being ready',
};

/** Every crossing, check and change of readiness the exit evaluation recorded, oldest first. */
export const CriteriaHistory = ({ periodId }: { periodId: string }) => {
  const history = usePeriodRead<{ items: HistoryEntry[] }>(
    periodId,
    'reporting',
    `/periods/${periodId}/exit/history`,
  );
  return (
    <Loaded query={history} what="the criteria's history">
      {({ items }) =>
        items.length === 0 ? (
          <p>No crossing recorded yet.</p>
        ) : (
          <DataTable
            caption="Criteria history"
            rows={items}
            rowKey={(entry) => `${entry.at} ${entry.what} ${entry.criteria.join()}`}
            columns={[
              { title: 'When', cell: (entry) => new Date(entry.at).toLocaleString() },
              { title: 'Criteria', cell: (entry) => entry.criteria.join(', ') || 'none' },
              { title: 'What happened', cell: (entry) => SAID[entry.what](entry) },
              {
                title: 'Value',
                cell: (entry) =>
                  entry.comparator
                    ? `${entry.value ?? 'no data'} (target ${entry.comparator} ${entry.target})`
                    : '—',
              },
            ]}
          />
        )
      }
    </Loaded>
  );
};
