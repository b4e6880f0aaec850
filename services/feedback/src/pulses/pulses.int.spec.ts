import { randomUUID } from 'node:crypto';
import type { HypercareClient } from '@hypercare/client';
import { periodEvents, ticketEvents } from '@hypercare/contracts/testing';
import { describeWith, eventually } from '@hypercare/testing';
import type { z } from 'zod';
import { FeedbackApp } from '../feedback-app.fixture';
import type { pulseResults } from './pulse.schemas';

const T0 = new Date('2026-11-05T10:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(T0.getTime() + ms);

const analysts = Array.from({ length: 6 }, (_, i) => ({
  role: 'analyst' as const,
  name: `Analyst ${i + 1}`,
  email: `analyst${i + 1}@example.com`,
}));
const roster = [
  ...analysts,
  { role: 'technical-lead' as const, name: 'Tomás Lead', email: 'tomas@example.com' },
  { role: 'project-manager' as const, name: 'Priya PM', email: 'priya@example.com' },
];
const questions = [
  { type: 'scale', text: 'How easy is the new invoicing?' },
  { type: 'nps', text: 'How likely are you to recommend it to a colleague?' },
  { type: 'choice', text: 'What slows you most?', options: ['Search', 'Approvals', 'Nothing'] },
  { type: 'text', text: 'What one thing should we fix?' },
];

interface Pulse {
  pulseId: string;
  status: string;
  rounds: Array<{ round: number; openedAt: string; closesAt: string; invited: number }>;
  ended: { reason: string } | null;
}
interface Invitation {
  round: number;
  recipient: { name: string; email: string };
  token: string;
}
type Results = z.input<typeof pulseResults>;
type Refusal = { status: number; detail?: string; errors?: Array<{ field: string }> };

/**
 * Pulse surveys on a real database with a manual clock: rounds open when the clock reaches
 * them, each invited person answers once through their link while the round is open, results
 * count it, and an anonymous pulse keeps its figures hidden until five have answered.
 */
describeWith('postgres')('pulse surveys', () => {
  let feedback: FeedbackApp;
  let admin: HypercareClient;
  let anonymous: HypercareClient;
  let periodId: string;

  const schedule = async (body: Record<string, unknown>): Promise<string> =>
    (
      await admin.call<{ pulseId: string }>('feedback', 'POST', `/periods/${periodId}/pulses`, {
        title: 'How is the go-live going?',
        questions,
        audience: { kind: 'roles', roles: ['analyst'] },
        ...body,
      })
    ).pulseId;
  const pulseWhen = async (pulseId: string, accept: (pulse: Pulse) => boolean) =>
    (
      await admin.poll<Pulse>(
        'feedback',
        `/periods/${periodId}/pulses/${pulseId}`,
        (r) => r.status === 200 && accept(r.body),
        20_000,
      )
    ).body;
  const invitations = async (pulseId: string) =>
    (
      await admin.call<{ items: Invitation[] }>(
        'feedback',
        'GET',
        `/periods/${periodId}/pulses/${pulseId}/invitations`,
      )
    ).items;
  const answer = (token: string, answers: Record<string, unknown>) =>
    anonymous.send<Refusal & Record<string, unknown>>('feedback', 'POST', '/pulses/answers', {
      token,
      answers,
    });
  const results = (pulseId: string) =>
    admin.call<Results>('feedback', 'GET', `/periods/${periodId}/pulses/${pulseId}/results`);

  beforeAll(async () => {
    feedback = await FeedbackApp.start('feedback_pulses', T0);
    admin = feedback.admin;
    anonymous = admin.anonymous();
    periodId = randomUUID();
    const period = periodEvents(periodId);
    await feedback.publish(period.planned({ roster }), period.activated());
    await admin.poll('feedback', `/periods/${periodId}/pulses`, (r) => r.status === 200, 20_000);
  }, 60_000);
  afterAll(() => feedback?.stop());

  it('opens a weekly named pulse round by round as the clock reaches them, each invitation answering once while open', async () => {
    feedback.clock.set(T0);
    const weekly = await schedule({
      anonymous: false,
      schedule: { every: 'weekly', startsAt: at(HOUR).toISOString() },
    });
    // A pulse due now is the sentinel: once its round opened, the scheduler has looked at the weekly one too.
    const sentinel = await schedule({ schedule: { every: 'once', startsAt: T0.toISOString() } });
    await pulseWhen(sentinel, (pulse) => pulse.rounds.length === 1);
    expect((await pulseWhen(weekly, () => true)).rounds).toEqual([]);

    feedback.clock.set(at(HOUR));
    const opened = await pulseWhen(weekly, (pulse) => pulse.rounds.length === 1);
    expect(opened.rounds[0]).toEqual({
      round: 1,
      openedAt: at(HOUR).toISOString(),
      closesAt: at(HOUR + 7 * DAY).toISOString(),
      invited: 6,
    });
    const firstRound = await invitations(weekly);
    expect(firstRound.map(({ recipient }) => recipient.email).sort()).toEqual(
      analysts.map(({ email }) => email),
    );
    const [first, second] = firstRound as [Invitation, Invitation];

    expect(
      (await anonymous.send('feedback', 'POST', '/pulses/lookup', { token: first.token })).body,
    ).toMatchObject({
      round: 1,
      status: 'open',
      anonymous: false,
      questions: [{ id: 'q1', type: 'scale' }, { id: 'q2' }, { id: 'q3' }, { id: 'q4' }],
    });
    expect((await answer(first.token, { q1: 4, q2: 9, q3: 'Search', q4: 'Faster search' })).status).toBe(201);
    expect((await answer(first.token, { q1: 1 })).body).toMatchObject({
      status: 409,
      detail: 'This invitation was answered already; it takes one answer',
    });

    feedback.clock.set(at(HOUR + 7 * DAY));
    await pulseWhen(weekly, (pulse) => pulse.rounds.length === 2);
    expect((await answer(second.token, { q1: 5 })).body).toMatchObject({
      status: 410,
      detail: `This round of the pulse closed at ${at(HOUR + 7 * DAY).toISOString()}`,
    });
    const figures = await results(weekly);
    expect(figures.overall).toMatchObject({
      invited: 12,
      answered: 1,
      responseRate: 0.083,
      suppressed: false,
    });
    expect(figures.rounds[0]?.questions?.[3]).toEqual({
      id: 'q4',
      type: 'text',
      text: 'What one thing should we fix?',
      answered: 1,
      texts: [
        { text: 'Faster search', respondent: { name: expect.any(String), email: first.recipient.email } },
      ],
    });
    expect(figures.rounds[1]).toMatchObject({ round: 2, answered: 0, invited: 6, responseRate: 0 });
  });

  it('keeps an anonymous pulse nameless and shows no figure for a group under five answers', async () => {
    feedback.clock.set(T0);
    const pulseId = await schedule({ schedule: { every: 'once', startsAt: T0.toISOString() } });
    await pulseWhen(pulseId, (pulse) => pulse.rounds.length === 1 && pulse.status === 'ended');
    const links = await invitations(pulseId);
    const said = [
      { q1: 2, q2: 3, q3: 'Approvals', q4: 'zebra' },
      { q1: 4, q2: 9, q3: 'Search', q4: 'apple' },
      { q1: 5, q2: 10, q3: 'Search' },
      { q1: 3, q2: 7, q3: 'Nothing', q4: 'mango' },
      { q1: 4, q2: 8, q3: 'Search' },
    ];
    for (const [index, answers] of said.slice(0, 4).entries())
      expect((await answer((links[index] as Invitation).token, answers)).status).toBe(201);
    await admin.poll<Results>(
      'feedback',
      `/periods/${periodId}/pulses/${pulseId}/results`,
      (r) => r.body.overall.answered === 4,
      20_000,
    );
    const hidden = await results(pulseId);
    expect(hidden.overall).toEqual({ invited: 6, responseRate: 0.667, answered: 4, suppressed: true });
    expect(hidden.byGroup).toEqual([{ group: 'analyst', answered: 4, suppressed: true }]);

    expect((await answer((links[4] as Invitation).token, said[4] as Record<string, unknown>)).status).toBe(
      201,
    );
    const { body: shown } = await admin.poll<Results>(
      'feedback',
      `/periods/${periodId}/pulses/${pulseId}/results`,
      (r) => r.body.overall.answered === 5,
      20_000,
    );
    expect(shown.overall.suppressed).toBe(false);
    const [scale, nps, choice, text] = shown.overall.questions ?? [];
    expect(scale).toMatchObject({ average: 3.6, distribution: { 1: 0, 2: 1, 3: 1, 4: 2, 5: 1 } });
    // Promoters 9, 10 (2); detractors 3 (1); passives 7, 8: (2 - 1) / 5.
    expect(nps).toMatchObject({ nps: 20, promoters: 2, passives: 2, detractors: 1 });
    expect(choice).toMatchObject({
      counts: [
        { option: 'Search', count: 3 },
        { option: 'Approvals', count: 1 },
        { option: 'Nothing', count: 1 },
      ],
    });
    expect(text).toMatchObject({ texts: [{ text: 'apple' }, { text: 'mango' }, { text: 'zebra' }] });
    expect(JSON.stringify(text)).not.toContain('respondent');

    const answered = (await feedback.recorded()).filter(
      ({ type, data }) => type === 'hypercare.pulse.answered.v1' && data['pulseId'] === pulseId,
    );
    expect(answered).toHaveLength(5);
    const everything = JSON.stringify(answered);
    for (const analyst of analysts) expect(everything).not.toContain(analyst.email);
    expect(answered.map(({ data }) => Object.keys(data).sort())[0]).toEqual([
      'answeredAt',
      'answers',
      'ballot',
      'group',
      'periodId',
      'pulseId',
      'round',
    ]);
  });

  it('refuses bad pulses and bad answers with a 4xx naming the problem, keeping nothing', async () => {
    feedback.clock.set(T0);
    const pulseId = await schedule({ schedule: { every: 'once', startsAt: T0.toISOString() } });
    await pulseWhen(pulseId, (pulse) => pulse.rounds.length === 1);
    const [link] = (await invitations(pulseId)) as [Invitation];
    const csat = `${randomUUID()}.${link.token.split('.')[1]}`;
    const before = (await feedback.recorded()).length;
    const answers: Array<[string, unknown, Record<string, unknown>, string[]]> = [
      ['a scale of 6', link.token, { q1: 6 }, ['answers.q1']],
      ['an NPS of 11 and a fraction', link.token, { q2: 11, q1: 3.5 }, ['answers.q2', 'answers.q1']],
      ['an option not offered', link.token, { q3: 'Printing' }, ['answers.q3']],
      ['a question not asked', link.token, { q7: 3 }, ['answers.q7']],
      ['no answer at all', link.token, {}, ['answers']],
      ['a forged token', `${link.token.slice(0, -4)}AAAA`, { q1: 3 }, ['token']],
      ["a survey's token shape", csat, { q1: 3 }, ['token']],
    ];
    for (const [what, token, given, fields] of answers) {
      const refused = await answer(token as string, given);
      expect([what, refused.status, refused.body.errors?.map(({ field }) => field).sort()]).toEqual([
        what,
        400,
        [...fields].sort(),
      ]);
    }
    expect((await answer(link.token, { q4: 'x'.repeat(2_001) })).body.errors).toEqual([
      expect.objectContaining({ field: 'answers.q4' }),
    ]);
    const pulses: Array<[string, Record<string, unknown>, string]> = [
      [
        'an end before the start',
        { schedule: { every: 'daily', startsAt: at(DAY).toISOString(), until: T0.toISOString() } },
        'schedule.until',
      ],
      ['a cadence unknown', { schedule: { every: 'hourly', startsAt: T0.toISOString() } }, 'schedule.every'],
      [
        'a question type unknown',
        {
          questions: [{ type: 'stars', text: 'How many stars?' }],
          schedule: { every: 'once', startsAt: T0.toISOString() },
        },
        'questions[0].type',
      ],
      [
        'one option only',
        {
          questions: [{ type: 'choice', text: 'Pick one', options: ['Only'] }],
          schedule: { every: 'once', startsAt: T0.toISOString() },
        },
        'questions[0].options',
      ],
      [
        'a role unknown',
        {
          audience: { kind: 'roles', roles: ['astronaut'] },
          schedule: { every: 'once', startsAt: T0.toISOString() },
        },
        'audience.roles[0]',
      ],
    ];
    for (const [what, body, field] of pulses) {
      const refused = await admin.send<Refusal>('feedback', 'POST', `/periods/${periodId}/pulses`, {
        title: 'A bad pulse',
        questions,
        audience: { kind: 'roles', roles: ['analyst'] },
        ...body,
      });
      expect([what, refused.status, refused.body.errors?.map((error) => error.field)]).toEqual([
        what,
        400,
        expect.arrayContaining([field]),
      ]);
    }
    expect((await feedback.recorded()).length).toBe(before);
    expect(
      (await admin.send('feedback', 'GET', `/periods/${periodId}/pulses/${randomUUID()}/results`)).status,
    ).toBe(404);
    expect((await anonymous.send('feedback', 'GET', `/periods/${periodId}/pulses`)).status).toBe(401);
  });

  it('asks everyone who reported so far, each address once, and ends with its period', async () => {
    feedback.clock.set(T0);
    const reporters = async () =>
      (
        await feedback.runtime.sql.query('select 1 from feedback.ticket_reporters where period_id = $1', [
          periodId,
        ])
      ).length;
    await feedback.publish(
      ticketEvents(randomUUID(), periodId).opened(T0.toISOString()),
      ticketEvents(randomUUID(), periodId).opened(T0.toISOString()),
    );
    await eventually('both tickets heard', async () => (await reporters()) >= 2);
    const daily = await schedule({
      audience: { kind: 'reporters' },
      schedule: { every: 'daily', startsAt: at(HOUR).toISOString() },
    });
    feedback.clock.set(at(HOUR));
    await pulseWhen(daily, (pulse) => pulse.rounds.length === 1);
    expect((await invitations(daily)).map(({ recipient }) => recipient.email)).toEqual(['ana@example.com']);

    await feedback.publish(periodEvents(periodId).closed(at(2 * HOUR).toISOString()));
    await eventually('the period closed', async () => {
      const refused = await admin.send('feedback', 'POST', `/periods/${periodId}/pulses`, {
        title: 'Too late',
        questions,
        audience: { kind: 'reporters' },
        schedule: { every: 'once', startsAt: T0.toISOString() },
      });
      return refused.status === 409;
    });
    feedback.clock.set(at(HOUR + DAY));
    const ended = await pulseWhen(daily, (pulse) => pulse.status === 'ended');
    expect(ended).toMatchObject({ ended: { reason: 'period-closed' }, rounds: [{ round: 1 }] });
  });
});
