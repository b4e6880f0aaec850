import type { HypercareClient } from '@hypercare/client';
import type { DemoStep } from './demo-pulses';

const DAY = 86_400_000;
const HOUR = 3_600_000;

interface Article {
  articleId: string;
  kind: string;
  status: string;
  title: string;
  ticketIds: string[];
}
interface Need {
  needId: string;
  status: string;
  items: Array<{ id: string }>;
  topTerms: string[];
  answers: Array<{ at: string }>;
}

/** The questions users ask before reporting, which a published article may already answer. */
const QUESTIONS = [
  'How to reverse a posted journal',
  'Cannot find the export button',
  'Reports time out after 9am',
  'No guide for recurring journals',
];

/**
 * Each afternoon the lead publishes the drafts tickets proposed (one per title: the rest are
 * the same advice again), answers each training need found with the article drawn from one of
 * its tickets (else a training session), and closes needs answered two days before.
 */
const curate = async (lead: HypercareClient, periodId: string, system: string, now: Date): Promise<void> => {
  const base = `/periods/${periodId}`;
  const { items: articles } = await lead.call<{ items: Article[] }>('feedback', 'GET', `${base}/articles`);
  const titles = new Set(articles.filter(({ status }) => status === 'published').map(({ title }) => title));
  for (const draft of articles.filter(({ status }) => status === 'draft')) {
    if (titles.has(draft.title)) continue;
    await lead.call('feedback', 'POST', `${base}/articles/${draft.articleId}/publish`, {});
    titles.add(draft.title);
    draft.status = 'published';
  }
  const published = articles.filter(({ status }) => status === 'published');
  const { items: needs } = await lead.call<{ items: Need[] }>('feedback', 'GET', `${base}/training-needs`);
  for (const need of needs) {
    if (need.status === 'identified') {
      const asked = new Set(need.items.map(({ id }) => id));
      const article = published.find(({ ticketIds }) => ticketIds.some((id) => asked.has(id)));
      const answer = article
        ? { articleId: article.articleId }
        : {
            session: {
              title: `Walk-through: ${need.topTerms.slice(0, 3).join(', ')}`,
              date: now.toISOString(),
              audience: `Finance users, ${system}`,
            },
          };
      await lead.call('feedback', 'POST', `${base}/training-needs/${need.needId}/address`, answer);
    } else if (
      need.status === 'addressed' &&
      need.answers.every(({ at }) => Date.parse(at) <= now.getTime() - 2 * DAY)
    )
      await lead.call('feedback', 'POST', `${base}/training-needs/${need.needId}/close`, {});
  }
};

/**
 * A user about to ask one of the usual questions reads the articles intake suggests first;
 * when one answers it, the question is withdrawn and no ticket is opened.
 */
const ask = async (
  desk: HypercareClient,
  periodId: string,
  question: number,
  user: number,
): Promise<void> => {
  const title = QUESTIONS[question % QUESTIONS.length] as string;
  const { articles } = await desk.call<{ articles: Array<{ articleId: string }> }>(
    'intake',
    'POST',
    `/periods/${periodId}/reports/suggestions`,
    { title, description: `${title}? I could not work it out.` },
  );
  if (!articles.length) return;
  await desk.call('intake', 'POST', `/periods/${periodId}/reports/deflections`, {
    reporter: { name: `User ${user}`, email: `user${user}@example.com` },
    title,
    channel: 'web',
    articleIds: [(articles[0] as { articleId: string }).articleId],
  });
};

interface Desk {
  lead: HypercareClient;
  desk: HypercareClient;
}

/** The knowledge base at work: curated each afternoon, read before reporting twice a day. */
export const knowledgeSteps = (
  goLive: Date,
  days: number,
  teams: readonly Desk[],
  periods: readonly string[],
  systems: readonly string[],
): DemoStep[] =>
  Array.from({ length: days }, (_, day) => day).flatMap((day) =>
    [0, 1].flatMap((period) => {
      const team = teams[period] as Desk;
      const periodId = periods[period] as string;
      const afternoon = new Date(goLive.getTime() + day * DAY + 9 * HOUR);
      return [
        { at: afternoon, run: () => curate(team.lead, periodId, systems[period] as string, afternoon) },
        ...[3, 6].map((hours, twice) => ({
          at: new Date(goLive.getTime() + day * DAY + hours * HOUR + 30 * 60_000),
          run: () => ask(team.desk, periodId, day * 2 + twice, 1_000 + day * 4 + period * 2 + twice),
        })),
      ];
    }),
  );
