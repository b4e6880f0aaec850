import { ApiKeys } from './admin/api-keys';
import { SignIn } from './auth/sign-in';
import { useSession } from './auth/session';
import { PeriodList } from './periods/period-list';
import { PeriodPage } from './periods/period-page';
import { PlanPeriod } from './periods/plan-period';
import { ProgrammeOverviewView } from './programmes/programme-overview';
import { href, useRoute } from './routing';
import { TicketDetailView } from './tickets/ticket-detail';

/** The console: sign-in first, then the place the address names. */
export const App = () => {
  const { signedIn, signOut } = useSession();
  const route = useRoute();
  if (!signedIn) return <SignIn />;
  return (
    <>
      <a className="skip" href="#main">
        Skip to the content
      </a>
      <header className="top">
        <a href={href({ view: 'periods' })} className="brand">
          Hypercare
        </a>
        <nav aria-label="Main">
          <a href={href({ view: 'periods' })}>Periods</a>
          <a href={href({ view: 'plan' })}>Plan a period</a>
          <a href={href({ view: 'keys' })}>API keys</a>
        </nav>
        <span className="who">{signedIn.who}</span>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main id="main">
        {route.view === 'periods' && <PeriodList />}
        {route.view === 'plan' && <PlanPeriod />}
        {route.view === 'keys' && <ApiKeys />}
        {route.view === 'ticket' && <TicketDetailView ticketId={route.ticketId} />}
        {route.view === 'programme' && <ProgrammeOverviewView programmeId={route.programmeId} />}
        {'periodId' in route && (
          <PeriodPage key={route.periodId} periodId={route.periodId} view={route.view} />
        )}
      </main>
    </>
  );
};
