import { usePeriods } from '../api/queries';
import type { PeriodRow } from '../api/types';
import { type Column, DataTable } from '../common/data-table';
import { href } from '../routing';

const day = (iso: string) => new Date(iso).toLocaleDateString();

const COLUMNS: Array<Column<PeriodRow>> = [
  { title: 'System', cell: (period) => period.systemName },
  {
    title: 'Programme',
    cell: (period) => (
      <a href={href({ view: 'programme', programmeId: period.programmeId })}>
        {period.programme ?? 'the programme'}
      </a>
    ),
  },
  { title: 'Status', cell: (period) => period.status },
  { title: 'Go-live', cell: (period) => day(period.goLiveAt) },
  { title: 'Planned end', cell: (period) => day(period.plannedEndAt) },
  {
    title: 'Views',
    field: 'links',
    cell: (period) => (
      <span className="links">
        <a href={href({ view: 'dashboard', periodId: period.periodId })}>Dashboard</a>
        <a href={href({ view: 'board', periodId: period.periodId })}>Board</a>
        <a href={href({ view: 'report', periodId: period.periodId })}>Report a problem</a>
      </span>
    ),
  },
];

/** Every period the signed-in person may see, side by side, each leading to its dashboard and board. */
export const PeriodList = () => {
  const periods = usePeriods();
  if (periods.isPending) return <p role="status">Loading the periods…</p>;
  if (periods.error) return <p role="alert">{periods.error.message}</p>;
  return (
    <section aria-labelledby="periods-heading">
      <h1 id="periods-heading">Hypercare periods</h1>
      <p>
        <a href={href({ view: 'plan' })}>Plan a period</a>
      </p>
      {periods.data.length === 0 ? (
        <p>No period yet.</p>
      ) : (
        <DataTable rows={periods.data} columns={COLUMNS} rowKey={(period) => period.periodId} />
      )}
    </section>
  );
};
