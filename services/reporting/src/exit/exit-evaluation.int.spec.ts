import { exitContracts, PERIODS_TOPIC, TICKETS_TOPIC } from '@hypercare/contracts';
import { periodEvents, ticketEvents } from '@hypercare/contracts/testing';
import type { ServiceUnderTest } from '@hypercare/runtime/testing';
import { describeWith, eventually } from '@hypercare/testing';
import { NO_OPEN_P1, startReporting } from '../reporting-app.fixture';
import { exitStream } from './exit.decider';

const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const P1 = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const criteria = [
  NO_OPEN_P1,
  { name: 'A day without P1', metric: 'days-since-last-p1', comparator: '>=' as const, target: 1 },
  {
    name: 'Runbook signed',
    metric: 'manual',
    comparator: '=' as const,
    target: 1,
    note: 'Ops lead signs it',
  },
];

/**
 * Reporting evaluates a running period's exit criteria as ticket events arrive and as its
 * clock moves, and records exactly the crossings in the period's exit stream.
 */
describeWith('postgres')('exit evaluation', () => {
  let reporting: ServiceUnderTest;
  const ticket = ticketEvents(P1, PERIOD);

  const recorded = async () =>
    (await reporting.runtime.store.readStreamOf(exitStream(PERIOD), exitContracts)).map(({ type, data }) => {
      const { criterion, value } = data as { criterion?: string; value?: number | null };
      return [type.replace('hypercare.exit.', ''), criterion ?? null, value ?? null];
    });
  const untilRecorded = async (count: number) => {
    await eventually(`${count} exit events`, async () => (await recorded()).length >= count, 10_000);
    return recorded();
  };
  const publishTicket = (...events: Array<{ type: string; data: Record<string, unknown> }>) =>
    reporting.publish(TICKETS_TOPIC, 'triage', ...events.map((event) => ({ ...event, subject: P1 })));
  const readiness = async () =>
    (await reporting.admin.call<{ ready: boolean; criteria: Array<Record<string, unknown>> }>(
      'reporting',
      'GET',
      `/periods/${PERIOD}/exit`,
    )) as { ready: boolean; criteria: Array<Record<string, unknown>> };

  beforeAll(async () => {
    reporting = await startReporting('reporting_exit', new Date('2026-11-03T12:00:00.000Z'));
    const period = periodEvents(PERIOD);
    await reporting.publish(
      PERIODS_TOPIC,
      'triage',
      { ...period.planned({ exitCriteria: criteria }), subject: PERIOD },
      { ...period.activated(), subject: PERIOD },
    );
  }, 60_000);
  afterAll(() => reporting?.stop());

  it('records every criterion at its first evaluation', async () => {
    expect(await untilRecorded(3)).toEqual([
      ['criterion-met.v1', 'No open P1', 0],
      ['criterion-met.v1', 'A day without P1', 1.2],
      ['criterion-unmet.v1', 'Runbook signed', null],
    ]);
  });

  it('turns "no open P1" unmet when a P1 opens, and names it in the evidence', async () => {
    const opened = ticket.opened('2026-11-03T11:00:05.000Z');
    await publishTicket(
      { ...opened, data: { ...opened.data, reportedAt: '2026-11-03T11:00:00.000Z' } },
      ticket.triaged('2026-11-03T11:05:00.000Z', 'P1'),
    );
    expect((await untilRecorded(5)).slice(3)).toEqual([
      ['criterion-unmet.v1', 'No open P1', 1],
      ['criterion-unmet.v1', 'A day without P1', 0],
    ]);
    const [noP1] = (await readiness()).criteria;
    expect(noP1).toMatchObject({
      value: 1,
      met: false,
      evidence: { tickets: [{ ticketId: P1, priority: 'P1' }] },
    });
  });

  it('meets it again when the P1 is resolved, and the manual one when a lead checks it', async () => {
    await publishTicket(ticket.resolved('2026-11-03T11:30:00.000Z'));
    expect((await untilRecorded(6)).slice(5)).toEqual([['criterion-met.v1', 'No open P1', 0]]);
    await reporting.admin.call('reporting', 'POST', `/periods/${PERIOD}/exit/checks`, {
      criterion: 'Runbook signed',
      met: true,
      note: 'Signed in the ops review',
    });
    expect((await untilRecorded(8)).slice(6)).toEqual([
      ['criterion-checked.v1', 'Runbook signed', null],
      ['criterion-met.v1', 'Runbook signed', null],
    ]);
  });

  it('meets the time-based one as the clock passes a day since the P1, and calls the period ready', async () => {
    reporting.clock.set(new Date('2026-11-04T11:00:00.000Z'));
    expect((await untilRecorded(10)).slice(8)).toEqual([
      ['criterion-met.v1', 'A day without P1', 1],
      ['ready.v1', null, null],
    ]);
    expect(await readiness()).toMatchObject({ ready: true });
  });

  it('takes readiness back when the P1 is reopened', async () => {
    await publishTicket(ticket.reopened('2026-11-04T11:10:00.000Z'));
    expect((await untilRecorded(12)).slice(10)).toEqual([
      ['criterion-unmet.v1', 'No open P1', 1],
      ['not-ready.v1', null, null],
    ]);
  });

  it('records nothing for figures that move without crossing: the next crossing follows at once', async () => {
    await publishTicket(ticket.commented('2026-11-04T11:20:00.000Z'));
    reporting.clock.set(new Date('2026-11-04T12:00:00.000Z'));
    await publishTicket(ticket.resolved('2026-11-04T12:00:00.000Z'));
    expect(await untilRecorded(14)).toEqual([
      ...(await recorded()).slice(0, 12),
      ['criterion-met.v1', 'No open P1', 0],
      ['ready.v1', null, null],
    ]);
    const { items } = await reporting.admin.call<{ items: Array<Record<string, unknown>> }>(
      'reporting',
      'GET',
      `/periods/${PERIOD}/exit/history`,
    );
    expect(items.map(({ what, criteria, value }) => [what, criteria, value])).toEqual(
      (await recorded()).map(([type, criterion, value]) => [
        String(type)
          .replace(/^criterion-/, '')
          .replace('.v1', ''),
        criterion === null ? expect.any(Array) : [criterion],
        value,
      ]),
    );
    expect(items[6]).toMatchObject({ what: 'checked', met: true, note: 'Signed in the ops review' });
    expect(items[9]).toMatchObject({ what: 'ready', criteria: criteria.map(({ name }) => name) });
  });
});
