import { useQuery } from '@tanstack/react-query';
import { call } from '../api/client';
import { Loaded } from '../common/loaded';
import { useCredentials } from '../auth/session';
import { ReportForm } from '../reports/report-form';
import { MyReports } from '../reports/my-reports';
import type { PeriodView } from '../routing';
import { PeriodHeader } from './period-header';

const REPORTER_VIEWS: Array<{ name: PeriodView; label: string }> = [
  { name: 'report', label: 'Report a problem' },
  { name: 'mine', label: 'My reports' },
];

/** A period as a reporter sees it (from intake, which tells whether it takes reports): the form and their own reports. */
export const ReporterPeriodPage = ({ periodId, view }: { periodId: string; view: PeriodView }) => {
  const credentials = useCredentials();
  const period = useQuery({
    queryKey: ['period', periodId, 'intake'],
    queryFn: () =>
      call<{ systemName: string; status: string }>(credentials, 'intake', `/periods/${periodId}`),
  });
  const shown = view === 'mine' ? 'mine' : 'report';
  return (
    <Loaded query={period} what="the period">
      {(known) => (
        <>
          <PeriodHeader
            periodId={periodId}
            systemName={known.systemName}
            status={known.status}
            view={shown}
            views={REPORTER_VIEWS}
          />
          {shown === 'report' ? <ReportForm periodId={periodId} /> : <MyReports periodId={periodId} />}
        </>
      )}
    </Loaded>
  );
};
