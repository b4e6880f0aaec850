import { useState } from 'react';
import { type Column, DataTable } from '../common/data-table';
import { Loaded } from '../common/loaded';
import { usePeriodRead } from '../api/period-read';
import { href } from '../routing';

interface AlertRow {
  alertId: string;
  source: string;
  name: string;
  status: 'firing' | 'resolved' | null;
  severity: string | null;
  service: string | null;
  notifications: number;
  raise: number | null;
  firstSeen: string;
  lastSeen: string;
  ticketId: string | null;
}

const time = (iso: string) => new Date(iso).toLocaleString();

const COLUMNS: Array<Column<AlertRow>> = [
  { title: 'Alert', cell: (alert) => alert.name },
  { title: 'Status', cell: (alert) => alert.status ?? '—' },
  { title: 'Severity', cell: (alert) => alert.severity ?? '—' },
  { title: 'Service', cell: (alert) => alert.service ?? '—' },
  { title: 'Source', cell: (alert) => alert.source },
  { title: 'Sent', cell: (alert) => alert.notifications },
  { title: 'Fired', cell: (alert) => alert.raise ?? 0 },
  { title: 'First seen', cell: (alert) => time(alert.firstSeen) },
  { title: 'Last seen', cell: (alert) => time(alert.lastSeen) },
  {
    title: 'Ticket',
    cell: (alert) =>
      alert.ticketId ? (
        <a href={href({ view: 'ticket', ticketId: alert.ticketId })}>
          ticket<span className="visually-hidden"> of {alert.name}</span>
        </a>
      ) : (
        '—'
      ),
  },
];

const FILTERS = { all: undefined, firing: 'firing', resolved: 'resolved' } as const;

/** What monitoring heard for the period: each alert once, how often it was sent and fired, and its ticket. */
export const AlertList = ({ periodId }: { periodId: string }) => {
  const [filter, setFilter] = useState<keyof typeof FILTERS>('all');
  const alerts = usePeriodRead<AlertRow[]>(periodId, 'monitoring', `/periods/${periodId}/alerts`, {
    status: FILTERS[filter],
    limit: 500,
  });
  return (
    <section aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">Alerts</h2>
      <label htmlFor="alert-filter">Show</label>{' '}
      <select
        id="alert-filter"
        value={filter}
        onChange={(event) => setFilter(event.target.value as keyof typeof FILTERS)}
      >
        <option value="all">every alert</option>
        <option value="firing">firing</option>
        <option value="resolved">resolved</option>
      </select>
      <Loaded query={alerts} what="the alerts">
        {(rows) =>
          rows.length === 0 ? (
            <p>No alert.</p>
          ) : (
            <DataTable
              rows={rows}
              columns={COLUMNS}
              rowKey={(alert) => alert.alertId}
              rowProps={(alert) => ({ 'data-alert': alert.name })}
            />
          )
        }
      </Loaded>
    </section>
  );
};
