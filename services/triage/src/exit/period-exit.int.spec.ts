import { periodDefinition } from '@hypercare/contracts/testing';
import { describeWith } from '@hypercare/testing';
import { TriageApp } from '../triage-app.fixture';

const T0 = new Date('2031-06-02T08:00:00.000Z');
const criteria = [
  { name: 'No open P1', metric: 'open-tickets', priorities: ['P1'], comparator: '=', target: 0 },
  { name: 'Runbook signed', metric: 'manual', comparator: '=', target: 1 },
];

/** A period closes once reporting found its exit criteria met, or when a lead overrides them, saying why. */
describeWith('postgres')('closing a period against its exit criteria', () => {
  let triage: TriageApp;
  let periodId: string;

  beforeAll(async () => {
    triage = await TriageApp.start('period_exit', T0);
    periodId = await triage.planPeriod(
      periodDefinition({ goLiveAt: T0.toISOString(), exitCriteria: criteria as never }),
    );
    await triage.client.call('triage', 'POST', `/periods/${periodId}/activate`, {});
  });
  afterAll(() => triage?.stop());

  const close = (body: object = {}) =>
    triage.client.send<{ detail: string }>('triage', 'POST', `/periods/${periodId}/close`, body);
  const status = async () =>
    (await triage.client.call<{ status: string }>('triage', 'GET', `/periods/${periodId}`)).status;

  it('is refused before any evaluation, naming every criterion', async () => {
    const refused = await close();
    expect([refused.status, refused.body.detail]).toEqual([
      409,
      expect.stringContaining('exit criteria not met (No open P1, Runbook signed)'),
    ]);
    expect(await status()).toBe('active');
  });

  it('is refused while one criterion is unmet, naming it alone', async () => {
    await triage.evaluated(periodId, { 'No open P1': true, 'Runbook signed': false });
    const refused = await close();
    expect([refused.status, refused.body.detail]).toEqual([
      409,
      expect.stringContaining('exit criteria not met (Runbook signed)'),
    ]);
  });

  it('refuses an override without a reason, naming the field', async () => {
    const refused = await triage.client.send<{ errors: Array<{ field: string }> }>(
      'triage',
      'POST',
      `/periods/${periodId}/close`,
      { override: { reason: ' ' } },
    );
    expect([refused.status, refused.body.errors.map(({ field }) => field)]).toEqual([
      400,
      ['override.reason'],
    ]);
    expect(await status()).toBe('active');
  });

  it("closes with a lead's override, recording the reason, who gave it and what was unmet", async () => {
    const closed = await close({ override: { reason: 'Runbook signed on paper; scan to follow' } });
    expect(closed.status).toBe(200);
    expect(await status()).toBe('closed');
    const [event] = await triage.periodEvents(periodId, 'hypercare.period.closed.v1');
    expect(event).toMatchObject({
      exitOverride: {
        reason: 'Runbook signed on paper; scan to follow',
        by: expect.any(String),
        unmet: ['Runbook signed'],
      },
    });
  });

  it('closes without an override once every criterion is met', async () => {
    const other = await triage.planPeriod(
      periodDefinition({ goLiveAt: T0.toISOString(), exitCriteria: criteria as never }),
    );
    await triage.client.call('triage', 'POST', `/periods/${other}/activate`, {});
    await triage.evaluated(other, { 'No open P1': true, 'Runbook signed': true });
    const closed = await triage.client.send('triage', 'POST', `/periods/${other}/close`, {});
    expect(closed.status).toBe(200);
    const [event] = await triage.periodEvents(other, 'hypercare.period.closed.v1');
    expect(event).not.toHaveProperty('exitOverride');
  });
});
