import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { call } from '../api/client';
import { ApiProblem } from '../api/problem';
import { usePeriod } from '../api/queries';
import type { PeriodRow } from '../api/types';
import { useCredentials } from '../auth/session';
import { Board } from '../board/board';
import { DashboardView } from '../dashboard/dashboard';
import { LIVE_LABELS, type LiveState, useLivePeriod } from '../live/use-live-period';
import { ExitView } from '../exit/exit-view';
import { ReportForm } from '../reports/report-form';
import { PeriodSetup } from './period-setup';
import { PeriodHeader } from './period-header';
import { ReporterPeriodPage } from './reporter-period-page';
import { KnowledgeBase } from '../knowledge/knowledge-base';
import { AlertList } from '../monitoring/alert-list';
import { SatisfactionView } from '../feedback/satisfaction-view';
import { PostmortemList } from '../postmortems/postmortem-list';
import { MyReports } from '../reports/my-reports';
import type { PeriodView } from '../routing';

/** A period's views: the tabs of its page, in order, and what each shows. */
const VIEWS: Array<{ name: PeriodView; label: string; show: (period: PeriodRow) => ReactNode }> = [
  { name: 'dashboard', label: 'Dashboard', show: (period) => <DashboardView period={period} /> },
  { name: 'board', label: 'Board', show: ({ periodId }) => <Board periodId={periodId} /> },
  { name: 'report', label: 'Report a problem', show: ({ periodId }) => <ReportForm periodId={periodId} /> },
  { name: 'mine', label: 'My reports', show: ({ periodId }) => <MyReports periodId={periodId} /> },
  { name: 'exit', label: 'Exit readiness', show: ({ periodId }) => <ExitView periodId={periodId} /> },
  { name: 'alerts', label: 'Alerts', show: ({ periodId }) => <AlertList periodId={periodId} /> },
  { name: 'feedback', label: 'Feedback', show: ({ periodId }) => <SatisfactionView periodId={periodId} /> },
  {
    name: 'knowledge',
    label: 'Knowledge base',
    show: ({ periodId }) => <KnowledgeBase periodId={periodId} />,
  },
  {
    name: 'postmortems',
    label: 'Post-mortems',
    show: ({ periodId }) => <PostmortemList periodId={periodId} />,
  },
  { name: 'setup', label: 'Set-up', show: ({ periodId }) => <PeriodSetup periodId={periodId} /> },
];

/**
 * A period as the signed-in principal may see it: the team's page, or, for someone whose grants
 * let them only report (reporting refuses them its views), the reporter's.
 */
export const PeriodPage = ({ periodId, view }: { periodId: string; view: PeriodView }) => {
  const period = usePeriod(periodId);
  // Reporting answers a period it does not show someone as if it did not exist (404).
  const reporterOnly = period.error instanceof ApiProblem && [403, 404].includes(period.error.status);
  // Followed from the start, as the period loads: the views' first reads then need no second one.
  const live = useLivePeriod(periodId, !reporterOnly);
  if (reporterOnly) return <ReporterPeriodPage periodId={periodId} view={view} />;
  if (period.error) return <p role="alert">{period.error.message}</p>;
  if (!period.data) return <p role="status">Loading the period…</p>;
  return <TeamPeriodPage period={period.data} view={view} live={live} />;
};

/** A period's header (status, live state, its lifecycle's next step) and the view chosen under it. */
const TeamPeriodPage = ({
  period: row,
  view,
  live,
}: {
  period: PeriodRow;
  view: PeriodView;
  live: LiveState;
}) => {
  const credentials = useCredentials();
  const queries = useQueryClient();
  const periodId = row.periodId;
  const activate = useMutation({
    mutationFn: () =>
      call(credentials, 'triage', `/periods/${periodId}/activate`, { method: 'POST', body: {} }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['period', periodId] }),
  });
  return (
    <>
      <PeriodHeader
        periodId={periodId}
        systemName={row.systemName}
        status={row.status}
        view={view}
        views={VIEWS}
      >
        <p className="live" role="status">
          {LIVE_LABELS[live]}
        </p>
        {row.status === 'planned' && (
          <button type="button" onClick={() => activate.mutate()} disabled={activate.isPending}>
            Activate the period
          </button>
        )}
        {activate.error && <p role="alert">{activate.error.message}</p>}
      </PeriodHeader>
      {VIEWS.find(({ name }) => name === view)?.show(row)}
    </>
  );
};
