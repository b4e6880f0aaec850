import type { SqlExecutor } from '@hypercare/event-store';
import type { PersonalChannel, RouteFacts } from './notification-routes';

export interface RouteQuestion {
  periodId: string;
  ticketId?: string;
  email: string;
}

/**
 * What routing needs to know about a batch of notifications, read at once: where their
 * tickets were reported, what their recipients chose, what their periods offer. Answers the
 * facts of each notification.
 */
export const routeFactsFor = async (
  tx: SqlExecutor,
  questions: readonly RouteQuestion[],
): Promise<(question: RouteQuestion) => RouteFacts> => {
  const periodIds = [...new Set(questions.map(({ periodId }) => periodId))];
  const ticketIds = [...new Set(questions.flatMap(({ ticketId }) => ticketId ?? []))];
  const emails = [...new Set(questions.map(({ email }) => email.toLowerCase()))];
  const [origins, preferences, offers] = await Promise.all([
    tx.query<{ ticket_id: string; place: 'slack' | 'teams' }>(
      `select ticket_id, 'slack' as place from intake.slack_threads where ticket_id = any($1)
       union all select ticket_id, 'teams' from intake.teams_threads where ticket_id = any($1)`,
      [ticketIds],
    ),
    tx.query<{ email: string; channel: PersonalChannel; muted: string[]; digest: boolean }>(
      'select email, channel, muted, digest from intake.notification_preferences where email = any($1)',
      [emails],
    ),
    tx.query<{ period_id: string; place: 'teams' | 'webhook' }>(
      `select period_id, 'teams' as place from intake.teams_channels where period_id = any($1) and sealed_url is not null
       union all select period_id, 'webhook' from intake.notification_webhooks where period_id = any($1)`,
      [periodIds],
    ),
  ]);
  const reportedIn = new Map(origins.map((row) => [row.ticket_id, row.place]));
  const preferred = new Map(preferences.map(({ email, ...preference }) => [email, preference]));
  const offered = new Map<string, Set<'teams' | 'webhook'>>();
  for (const { period_id, place } of offers)
    offered.set(period_id, new Set([...(offered.get(period_id) ?? []), place]));
  return ({ periodId, ticketId, email }) => ({
    reportedIn: ticketId === undefined ? undefined : reportedIn.get(ticketId),
    preference: preferred.get(email.toLowerCase()),
    periodOffers: offered.get(periodId) ?? new Set(),
  });
};
