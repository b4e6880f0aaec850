import { useEffect, useState } from 'react';

/** The console's places, kept in the URL's hash so that any view can be linked and reloaded. */
export type Route =
  | { view: 'periods' }
  | { view: 'plan' }
  | { view: 'keys' }
  | { view: PeriodView; periodId: string }
  | { view: 'programme'; programmeId: string }
  | { view: 'ticket'; ticketId: string };

/** A period's views, each a tab of its page. */
export const PERIOD_VIEWS = [
  'dashboard',
  'board',
  'report',
  'mine',
  'exit',
  'alerts',
  'feedback',
  'knowledge',
  'postmortems',
  'setup',
] as const;
export type PeriodView = (typeof PERIOD_VIEWS)[number];

export const parseRoute = (hash: string): Route => {
  const [first, id, view] = hash.replace(/^#\/?/, '').split('/');
  if (first === 'plan') return { view: 'plan' };
  if (first === 'admin' && id === 'keys') return { view: 'keys' };
  if (first === 'tickets' && id) return { view: 'ticket', ticketId: id };
  if (first === 'programmes' && id) return { view: 'programme', programmeId: id };
  if (first === 'periods' && id) {
    const chosen = PERIOD_VIEWS.find((name) => name === view) ?? 'dashboard';
    return { view: chosen, periodId: id };
  }
  return { view: 'periods' };
};

export const href = (route: Route): string => {
  switch (route.view) {
    case 'periods':
      return '#/';
    case 'plan':
      return '#/plan';
    case 'keys':
      return '#/admin/keys';
    case 'ticket':
      return `#/tickets/${route.ticketId}`;
    case 'programme':
      return `#/programmes/${route.programmeId}`;
    default:
      return `#/periods/${route.periodId}/${route.view}`;
  }
};

export const navigate = (route: Route): void => {
  window.location.hash = href(route);
};

export const useRoute = (): Route => {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const changed = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
};
