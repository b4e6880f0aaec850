import { newProgramme } from '@hypercare/client';
import { periodDefinition } from '@hypercare/contracts/testing';
import { describeWith } from '@hypercare/testing';
import { TriageApp } from '../triage-app.fixture';

const T0 = new Date('2031-06-02T08:00:00.000Z');

/** A period's exit criteria come from the catalogue: anything else is refused whole, naming the field. */
describeWith('postgres')("a period's exit criteria", () => {
  let triage: TriageApp;
  let programmeId: string;

  beforeAll(async () => {
    triage = await TriageApp.start('period_exit_criteria', T0);
    programmeId = await newProgramme(triage.client, 'Finance transformation');
  });
  afterAll(() => triage?.stop());

  const plan = (exitCriteria: object[]) =>
    triage.client.send<{ errors: Array<{ field: string; message: string }> }>(
      'triage',
      'POST',
      `/programmes/${programmeId}/periods`,
      periodDefinition({ goLiveAt: T0.toISOString(), exitCriteria: exitCriteria as never }),
    );
  const periods = () => triage.periodsPlanned();

  it.each([
    ['a metric outside the catalogue', { metric: 'open-p1' }, 'exitCriteria[0].metric', /Invalid enum value/],
    ['a window where the metric has none', { windowDays: 3 }, 'exitCriteria[0].windowDays', /has no window/],
    ['a target its unit cannot have', { target: -1 }, 'exitCriteria[0].target', /is in count/],
  ])('refuses %s, naming the field, and plans nothing', async (_, change, field, message) => {
    const before = await periods();
    const answer = await plan([
      { name: 'No open P1', metric: 'open-tickets', comparator: '=', target: 0, ...change },
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
    expect(await periods()).toBe(before);
  });

  it('accepts criteria of the catalogue and keeps them as given', async () => {
    const criteria = [
      { name: 'No open P1/P2', metric: 'open-tickets', priorities: ['P1', 'P2'], comparator: '=', target: 0 },
      { name: 'Calm', metric: 'new-tickets-per-day', windowDays: 3, comparator: '<=', target: 2 },
      { name: 'Runbook signed', metric: 'manual', comparator: '=', target: 1, note: 'Ops lead signs it' },
    ];
    const answer = await plan(criteria);
    expect(answer.status).toBe(201);
    const { periodId } = answer.body as unknown as { periodId: string };
    const period = await triage.client.call<{ configuration: { exitCriteria: object[] } }>(
      'triage',
      'GET',
      `/periods/${periodId}`,
    );
    expect(period.configuration.exitCriteria).toEqual(criteria);
  });
});
