import { useState } from 'react';
import { Loaded } from '../common/loaded';
import { usePeriodRead } from '../api/period-read';
import type { TicketPage, TicketRow } from '../api/types';
import { type Column, DataTable } from '../common/data-table';
import { useSession } from '../auth/session';
import { href } from '../routing';

const EMAIL_KEY = 'hypercare.reporterEmail';
const EMAIL = /^[^@\s]+@[^@\s]+$/;

const COLUMNS: Array<Column<TicketRow>> = [
  {
    title: 'Report',
    cell: (ticket) => <a href={href({ view: 'ticket', ticketId: ticket.ticketId })}>{ticket.title}</a>,
  },
  { title: 'Status', cell: (ticket) => ticket.status, field: 'status' },
  { title: 'Priority', cell: (ticket) => ticket.priority ?? 'not triaged yet' },
  { title: 'Reported', cell: (ticket) => new Date(ticket.reportedAt).toLocaleString() },
];

const ReportTable = ({ page, empty }: { page: TicketPage; empty: string }) =>
  page.items.length === 0 ? (
    <p>{empty}</p>
  ) : (
    <DataTable rows={page.items} columns={COLUMNS} rowKey={(ticket) => ticket.ticketId} />
  );

/** A person's own reports in the period, as reporting answers them to that person. */
const OwnReports = ({ periodId, email }: { periodId: string; email: string }) => {
  const mine = usePeriodRead<TicketPage>(
    periodId,
    'reporting',
    `/people/${encodeURIComponent(email)}/tickets`,
    {
      periodId,
      limit: 200,
    },
  );
  return (
    <>
      {/* A reporter's page does not follow the live stream (reporting's views are not theirs to read). */}
      <button type="button" onClick={() => void mine.refetch()} disabled={mine.isFetching}>
        Refresh
      </button>
      <Loaded query={mine} what="your reports">
        {(page) => <ReportTable page={page} empty="You have reported nothing in this period." />}
      </Loaded>
    </>
  );
};

/** With an API key (no person behind it), the reports of an email the team member gives. */
const ReportsOf = ({ periodId }: { periodId: string }) => {
  const [email, setEmail] = useState(() => localStorage.getItem(EMAIL_KEY) ?? '');
  const valid = EMAIL.test(email);
  const theirs = usePeriodRead<TicketPage>(
    periodId,
    'reporting',
    `/periods/${periodId}/tickets`,
    { reporter: email, limit: 200 },
    valid,
  );
  return (
    <>
      <label htmlFor="mine-email">Reporter's email</label>{' '}
      <input
        id="mine-email"
        type="email"
        value={email}
        onChange={(event) => {
          setEmail(event.target.value);
          localStorage.setItem(EMAIL_KEY, event.target.value);
        }}
      />
      {valid ? (
        <Loaded query={theirs} what="the reports">
          {(page) => <ReportTable page={page} empty={`No report from ${email} in this period.`} />}
        </Loaded>
      ) : (
        <p>Give the email a reporter reports with to see their reports.</p>
      )}
    </>
  );
};

/** "My reports": where each of a reporter's reports stands. */
export const MyReports = ({ periodId }: { periodId: string }) => {
  const { signedIn } = useSession();
  return (
    <section aria-labelledby="mine-heading">
      <h2 id="mine-heading">My reports</h2>
      {signedIn?.email ? (
        <OwnReports periodId={periodId} email={signedIn.email} />
      ) : (
        <ReportsOf periodId={periodId} />
      )}
    </section>
  );
};
