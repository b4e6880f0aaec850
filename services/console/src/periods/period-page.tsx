import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../api/client';
import { usePeriod } from '../api/queries';
import { useCredentials } from '../auth/session';
import { Board } from '../board/board';
import { DashboardView } from '../dashboard/dashboard';
import { useLivePeriod } from '../live/use-live-period';
import { ExitView } from '../exit/exit-view';
import { ReportForm } from '../reports/report-form';
import { href } from '../routing';

type View = 'dashboard' | 'board' | 'report' | 'exit';

/** A period's header (status, live state, its lifecycle's next step) and the view chosen under it. */
export const PeriodPage = ({ periodId, view }: { periodId: string; view: View }) => {
  const credentials = useCredentials();
  const queries = useQueryClient();
  const period = usePeriod(periodId);
  const live = useLivePeriod(periodId);
  const activate = useMutation({
    mutationFn: () =>
      call(credentials, 'triage', `/periods/${periodId}/activate`, { method: 'POST', body: {} }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['period', periodId] }),
  });
  if (period.isPending) return <p role="status">Loading the period…</p>;
  if (period.error) return <p role="alert">{period.error.message}</p>;
  const tab = (name: View, label: string) => (
    <a href={href({ view: name, periodId })} aria-current={view === name ? 'page' : undefined}>
      {label}
    </a>
  );

  return (
    <>
      <header className="period">
        <h1>
          {period.data.systemName}{' '}
          <span className={`status status-${period.data.status}`}>{period.data.status}</span>
        </h1>
        <p className="live" role="status">
          {live === 'live' ? 'Live' : live === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
        </p>
        {period.data.status === 'planned' && (
          <button type="button" onClick={() => activate.mutate()} disabled={activate.isPending}>
            Activate the period
          </button>
        )}
        {activate.error && <p role="alert">{activate.error.message}</p>}
        <nav aria-label="Period views" className="tabs">
          {tab('dashboard', 'Dashboard')}
          {tab('board', 'Board')}
          {tab('report', 'Report a problem')}
          {tab('exit', 'Exit readiness')}
        </nav>
      </header>
      {view === 'dashboard' && <DashboardView period={period.data} />}
      {view === 'board' && <Board periodId={periodId} />}
      {view === 'report' && <ReportForm periodId={periodId} />}
      {view === 'exit' && <ExitView periodId={periodId} />}
    </>
  );
};
