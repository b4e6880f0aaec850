import type { HypercareClient } from '@hypercare/client';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A step of the demo: what to do, at its simulated time. */
export interface DemoStep {
  at: Date;
  run: () => Promise<void>;
}

interface Invitation {
  round: number;
  token: string;
}

const PULSE = {
  title: 'How is the finance cloud working for you?',
  questions: [
    { type: 'scale', text: 'How easy is the new system to use for your daily work?' },
    { type: 'nps', text: 'How likely are you to recommend the new system to a colleague?' },
    {
      type: 'choice',
      text: 'What would help you most now?',
      options: ['Training', 'Better documentation', 'Fewer defects', 'Faster support'],
    },
    { type: 'text', text: 'What one thing should the team fix next?' },
  ],
  audience: { kind: 'reporters' },
  anonymous: true,
};

const WISHES = ['Training', 'Better documentation', 'Fewer defects', 'Faster support'];
const FIXES = ['Month-end close', 'The approval flow', 'Search speed', 'The bank feed', ''];

/**
 * The answers respondent `n` gives in week `week`, or nothing: about three in five answer,
 * finding the system easier and recommending it more as the weeks go.
 */
export const pulseAnswers = (n: number, week: number): Record<string, number | string> | undefined => {
  if (n % 5 >= 3) return undefined;
  const spread = n % 3 === 0 ? -1 : n % 4 === 0 ? 1 : 0;
  return {
    q1: Math.min(5, Math.max(1, 2 + week + spread)),
    q2: Math.min(10, Math.max(0, 5 + 2 * week + spread)),
    q3: WISHES[(n + week) % WISHES.length] as string,
    q4: FIXES[n % FIXES.length] as string,
  };
};

/**
 * A weekly anonymous pulse to each period's reporters from its second day, scheduled by the
 * lead; three hours into each round, those who answer do, through their links.
 */
export const pulseSteps = (
  goLive: Date,
  days: number,
  leads: readonly HypercareClient[],
  periods: readonly string[],
  respondent: HypercareClient,
): DemoStep[] => {
  const pulses = new Map<number, string>();
  const startsAt = new Date(goLive.getTime() + DAY + HOUR);
  return [0, 1].flatMap((period) => [
    {
      at: startsAt,
      run: async () => {
        const { pulseId } = await (leads[period] as HypercareClient).call<{ pulseId: string }>(
          'feedback',
          'POST',
          `/periods/${periods[period]}/pulses`,
          { ...PULSE, schedule: { every: 'weekly', startsAt: startsAt.toISOString() } },
        );
        pulses.set(period, pulseId);
      },
    },
    ...Array.from({ length: Math.ceil((days - 1) / 7) }, (_, week) => ({
      at: new Date(startsAt.getTime() + week * 7 * DAY + 3 * HOUR),
      run: async () => {
        const path = `/periods/${periods[period]}/pulses/${pulses.get(period)}/invitations`;
        const { body } = await (leads[period] as HypercareClient).poll<{ items: Invitation[] }>(
          'feedback',
          path,
          (r) => r.status === 200 && r.body.items.some((item) => item.round === week + 1),
          30_000,
          10,
        );
        const round = body.items.filter((item) => item.round === week + 1);
        for (const [n, { token }] of round.entries()) {
          const answers = pulseAnswers(n, week);
          if (answers) await respondent.call('feedback', 'POST', '/pulses/answers', { token, answers });
        }
      },
    })),
  ]);
};
