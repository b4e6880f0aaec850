import { PERIODS_TOPIC, TICKETS_TOPIC } from '@hypercare/contracts';
import { periodEvents, TEST_PROGRAMME_ID, ticketEvents } from '@hypercare/contracts/testing';
import type { ServiceUnderTest } from '@hypercare/runtime/testing';
import { describeWith } from '@hypercare/testing';
import { NO_OPEN_P1, reportedTicket, startReporting, publishTestProgramme } from '../reporting-app.fixture';

const EARLY = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const LATE = '6c1f4d2e-9e3b-4d7f-8a21-3b4c5d6e7f80';
const ticketIds = [
  '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
  '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60',
];

interface Overview {
  name: string;
  periods: Array<{
    periodId: string;
    status: string;
    daysToExit: number | null;
    newPerDay: Array<{ day: number; count: number }>;
    openByPriority: Record<string, number>;
    exit: { ready: boolean; unmet: string[] };
  }>;
}

/** Two go-lives a week apart, compared day 1 against day 1. */
describeWith('postgres')('the programme overview', () => {
  let reporting: ServiceUnderTest;

  beforeAll(async () => {
    reporting = await startReporting('reporting_overview', new Date('2026-11-12T12:00:00.000Z'));
    await publishTestProgramme(reporting);
    const early = periodEvents(EARLY);
    const late = periodEvents(LATE);
    const criteria = [NO_OPEN_P1];
    await reporting.publish(
      PERIODS_TOPIC,
      'triage',
      { ...early.planned({ goLiveAt: '2026-11-02T08:00:00.000Z', exitCriteria: criteria }), subject: EARLY },
      { ...early.activated('2026-11-02T08:00:00.000Z'), subject: EARLY },
      {
        ...late.planned({
          systemName: 'Payroll',
          goLiveAt: '2026-11-09T08:00:00.000Z',
          exitCriteria: criteria,
        }),
        subject: LATE,
      },
      { ...late.activated('2026-11-09T08:00:00.000Z'), subject: LATE },
    );
    const [a, b, c] = ticketIds as [string, string, string];
    await reporting.publish(
      TICKETS_TOPIC,
      'triage',
      reportedTicket(a, EARLY, '2026-11-02T10:00:00.000Z'),
      reportedTicket(b, EARLY, '2026-11-03T10:00:00.000Z'),
      { ...ticketEvents(b, EARLY).resolved('2026-11-03T12:00:00.000Z'), subject: b },
      reportedTicket(c, LATE, '2026-11-10T10:00:00.000Z'),
      { ...ticketEvents(c, LATE).triaged('2026-11-10T10:05:00.000Z', 'P1'), subject: c },
    );
    await reporting.publish(PERIODS_TOPIC, 'triage', {
      ...early.closed('2026-11-06T20:00:00.000Z'),
      subject: EARLY,
    });
  }, 60_000);
  afterAll(() => reporting?.stop());

  it('puts each period on its own clock from go-live, with its open tickets, exit state and time to exit', async () => {
    const { body } = await reporting.admin.poll<Overview>(
      'reporting',
      `/programmes/${TEST_PROGRAMME_ID}/overview`,
      (r) =>
        r.status === 200 &&
        r.body.periods.length === 2 &&
        r.body.periods[0]?.status === 'closed' &&
        r.body.periods[1]?.newPerDay.length === 4,
      10_000,
    );
    const [early, late] = body.periods;
    expect(body.name).toBe('Finance transformation');
    expect(early).toMatchObject({
      periodId: EARLY,
      status: 'closed',
      daysToExit: 4.5,
      openByPriority: { untriaged: 1 },
    });
    expect(early?.newPerDay.slice(0, 3)).toEqual([
      { day: 0, count: 1 },
      { day: 1, count: 1 },
      { day: 2, count: 0 },
    ]);
    expect(late).toMatchObject({
      periodId: LATE,
      status: 'active',
      daysToExit: null,
      openByPriority: { P1: 1 },
    });
    expect(late?.newPerDay).toEqual([
      { day: 0, count: 0 },
      { day: 1, count: 1 },
      { day: 2, count: 0 },
      { day: 3, count: 0 },
    ]);
    expect(late?.exit).toMatchObject({ ready: false, unmet: ['No open P1'] });
  });

  it('answers 404 for a programme it does not know', async () => {
    const answer = await reporting.admin.send(
      'reporting',
      'GET',
      '/programmes/7fbf9367-f474-42f0-bb7c-465d4abfd6ae/overview',
    );
    expect(answer.status).toBe(404);
  });
});
