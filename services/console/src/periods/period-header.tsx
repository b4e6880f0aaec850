import type { ReactNode } from 'react';
import { href, type PeriodView } from '../routing';

/** A period's name and status, what its page adds under them, and the tabs of the views it offers. */
export const PeriodHeader = ({
  periodId,
  systemName,
  status,
  view,
  views,
  children,
}: {
  periodId: string;
  systemName: string;
  status: string;
  view: PeriodView;
  views: Array<{ name: PeriodView; label: string }>;
  children?: ReactNode;
}) => (
  <header className="period">
    <h1>
      {systemName} <span className={`status status-${status}`}>{status}</span>
    </h1>
    {children}
    <nav aria-label="Period views" className="tabs">
      {views.map(({ name, label }) => (
        <a key={name} href={href({ view: name, periodId })} aria-current={view === name ? 'page' : undefined}>
          {label}
        </a>
      ))}
    </nav>
  </header>
);
