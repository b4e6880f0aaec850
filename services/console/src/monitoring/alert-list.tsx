import { useState } from 'react';
import { Loaded } from '../api/loaded';
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

const FILTERS = { all: undefined, firing: 'firing', resolved: 'resolved' } as const;
const time = (iso: string) => new Date(iso).toLocaleString();

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
            <table className="periods">
              <thead>
                <tr>
                  <th scope="col">Alert</th>
                  <th scope="col">Status</th>
                  <th scope="col">Severity</th>
                  <th scope="col">Service</th>
                  <th scope="col">Source</th>
                  <th scope="col">Sent</th>
                  <th scope="col">Fired</th>
                  <th scope="col">First seen</th>
                  <th scope="col">Last seen</th>
                  <th scope="col">Ticket</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((alert) => (
                  <tr key={alert.alertId} data-alert={alert.name}>
                    <th scope="row">{alert.name}</th>
                    <td>{alert.status ?? '—'}</td>
                    <td>{alert.severity ?? '—'}</td>
                    <td>{alert.service ?? '—'}</td>
                    <td>{alert.source}</td>
                    <td>{alert.notifications}</td>
                    <td>{alert.raise ?? 0}</td>
                    <td>{time(alert.firstSeen)}</td>
                    <td>{time(alert.lastSeen)}</td>
                    <td>
                      {alert.ticketId ? (
                        <a href={href({ view: 'ticket', ticketId: alert.ticketId })}>
                          ticket<span className="visually-hidden"> of {alert.name}</span>
                        </a>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
};
