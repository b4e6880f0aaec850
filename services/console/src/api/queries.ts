import { useQuery } from '@tanstack/react-query';
import { useCredentials } from '../auth/session';
import { call } from './client';
import { usePeriodRead } from './period-read';
import type {
  Dashboard,
  ExitReadiness,
  PeriodRow,
  Programme,
  ProgrammeOverview,
  TicketDetail,
  TicketPage,
  TicketRow,
  TicketState,
} from './types';

/** A period's tickets are read whole (200 a page): the board filters them in the page, at once. */
const PAGE = 200;

export const usePeriods = () => {
  const credentials = useCredentials();
  return useQuery({
    queryKey: ['periods'],
    queryFn: () => call<PeriodRow[]>(credentials, 'reporting', '/periods'),
  });
};

export const usePeriod = (periodId: string) => {
  const credentials = useCredentials();
  return useQuery({
    queryKey: ['period', periodId, 'row'],
    queryFn: () => call<PeriodRow>(credentials, 'reporting', `/periods/${periodId}`),
  });
};

export const useProgrammes = () => {
  const credentials = useCredentials();
  return useQuery({
    queryKey: ['programmes'],
    queryFn: () => call<Programme[]>(credentials, 'reporting', '/programmes'),
  });
};

export const useTickets = (periodId: string) => {
  const credentials = useCredentials();
  return useQuery({
    queryKey: ['period', periodId, 'tickets'],
    queryFn: async () => {
      const tickets: TicketRow[] = [];
      let cursor: string | undefined;
      do {
        const page = await call<TicketPage>(credentials, 'reporting', `/periods/${periodId}/tickets`, {
          query: { limit: PAGE, cursor, sort: '-reportedAt' },
        });
        tickets.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return tickets;
    },
  });
};

/** The dashboard now, or as of a past moment: `asOf` (ISO time) or `asOfPosition` (reporting's log). */
export const useDashboard = (periodId: string, moment: { asOf?: string; asOfPosition?: number } = {}) =>
  usePeriodRead<Dashboard>(periodId, 'reporting', `/periods/${periodId}/dashboard`, moment);

export const useTicket = (ticketId: string) => {
  const credentials = useCredentials();
  return useQuery({
    queryKey: ['ticket', ticketId],
    queryFn: async () => {
      const [detail, state] = await Promise.all([
        call<TicketDetail>(credentials, 'reporting', `/tickets/${ticketId}`),
        call<TicketState>(credentials, 'triage', `/tickets/${ticketId}`),
      ]);
      return { ...detail, state };
    },
  });
};

export const useExitReadiness = (periodId: string) => {
  const credentials = useCredentials();
  return useQuery({
    queryKey: ['period', periodId, 'exit'],
    queryFn: () => call<ExitReadiness>(credentials, 'reporting', `/periods/${periodId}/exit`),
  });
};

export const useProgrammeOverview = (programmeId: string) => {
  const credentials = useCredentials();
  return useQuery({
    queryKey: ['programme', programmeId, 'overview'],
    queryFn: () => call<ProgrammeOverview>(credentials, 'reporting', `/programmes/${programmeId}/overview`),
  });
};
