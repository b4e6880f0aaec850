import { useQuery } from '@tanstack/react-query';
import { call } from '../api/client';
import { Loaded } from '../common/loaded';
import { useCredentials } from '../auth/session';
import { ReportForm } from '../reports/report-form';
import { MyReports } from '../reports/my-reports';
import { href, type PeriodView } from '../routing';

/** A period as a reporter sees it (from intake, which tells whether it takes reports): the form and their own reports. */
export const ReporterPeriodPage = ({ periodId, view }: { periodId: string; view: PeriodView }) => {
  const credentials = useCredentials();
  const period = useQuery({
    queryKey: ['period', periodId, 'intake'],
    queryFn: () =>
      call<{ systemName: string; status: string }>(credentials, 'intake', `/periods/${periodId}`),
  });
  const shown = view === 'mine' ? 'mine' : 'report';
  const tab = (name: 'report' | 'mine', label: string) => (
    <a href={href({ view: name, periodId })} aria-current={shown === name ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <Loaded query={period} what="the period">
      {(known) => (
        <>
          <header className="period">
            <h1>
              {known.systemName} <span className={`status status-${known.status}`}>{known.status}</span>
            </h1>
            <nav aria-label="Period views" className="tabs">
              {tab('report', 'Report a problem')}
              {tab('mine', 'My reports')}
            </nav>
          </header>
          {shown === 'report' ? <ReportForm periodId={periodId} /> : <MyReports periodId={periodId} />}
        </>
      )}
    </Loaded>
  );
};
