import { usePeriodRead } from '../api/period-read';
import { DataTable } from '../common/data-table';
import { Loaded } from '../common/loaded';

interface ExitEvent {
  id: string;
  type: string;
  data: { at?: string; criterion?: string; value?: number | null; comparator?: string; target?: number };
}

/** What each of the exit stream's events says happened, in a word. */
const WHAT: Record<string, string> = {
  'hypercare.exit.criterion-met.v1': 'met',
  'hypercare.exit.criterion-unmet.v1': 'not met',
  'hypercare.exit.criterion-checked.v1': 'checked by hand',
  'hypercare.exit.ready.v1': 'the period became ready',
  'hypercare.exit.not-ready.v1': 'the period stopped being ready',
};

/** Every crossing the exit evaluation recorded for the period (its stream in the event explorer), oldest first. */
export const CriteriaHistory = ({ periodId }: { periodId: string }) => {
  const history = usePeriodRead<{ items: ExitEvent[] }>(periodId, 'reporting', '/events', {
    stream: `exit-${periodId}`,
    limit: 500,
  });
  return (
    <Loaded query={history} what="the criteria's history">
      {({ items }) =>
        items.length === 0 ? (
          <p>No crossing recorded yet.</p>
        ) : (
          <DataTable
            caption="Criteria history"
            rows={items}
            rowKey={(event) => event.id}
            columns={[
              { title: 'When', cell: ({ data }) => (data.at ? new Date(data.at).toLocaleString() : '—') },
              { title: 'Criterion', cell: ({ data }) => data.criterion ?? 'every criterion' },
              { title: 'What happened', cell: ({ type }) => WHAT[type] ?? type },
              {
                title: 'Value',
                cell: ({ data }) =>
                  data.comparator
                    ? `${data.value ?? 'no data'} (target ${data.comparator} ${data.target})`
                    : '—',
              },
            ]}
          />
        )
      }
    </Loaded>
  );
};
