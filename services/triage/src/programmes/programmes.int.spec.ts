import { randomUUID } from 'node:crypto';
import { HypercareClient, newProgramme, planPeriod } from '@hypercare/client';
import { legacyProgrammeId } from '@hypercare/contracts';
import { periodDefinition } from '@hypercare/contracts/testing';
import { ServiceRuntime } from '@hypercare/runtime';
import { describeWith, readCommitted } from '@hypercare/testing';
import { TriageApp } from '../triage-app.fixture';
import { LegacyProgrammes } from './legacy-programmes';

const T0 = new Date('2031-03-02T08:00:00.000Z');
const definition = periodDefinition({ goLiveAt: T0.toISOString() });

/**
 * Programmes as tenants: an admin creates them, their leads plan and run their periods and
 * reach no other programme's, and periods planned when a programme was free text belong to
 * the programme the migration makes from that text.
 */
describeWith('postgres')('programmes', () => {
  let triage: TriageApp;
  let admin: HypercareClient;
  const store = () => triage.app.get(ServiceRuntime).store;
  const eventCount = async () => (await readCommitted(store())).length;
  const keyFor = async (grant: string): Promise<HypercareClient> => {
    const { key } = await admin.call<{ key: string }>('triage', 'POST', '/api-keys', {
      name: grant,
      grants: [grant],
    });
    return HypercareClient.distributed({ triage: admin.url('triage', '') }).withApiKey(key);
  };

  beforeAll(async () => {
    triage = await TriageApp.start('programmes', T0);
    admin = triage.client;
  });
  afterAll(() => triage?.stop());

  it('is created by an admin, read back, and renamed (a rename to the same name records nothing)', async () => {
    const programmeId = await newProgramme(admin, 'Finance transformation', 'Ledger and payroll');
    expect(await admin.call('triage', 'GET', `/programmes/${programmeId}`)).toEqual({
      programmeId,
      name: 'Finance transformation',
      description: 'Ledger and payroll',
      legacy: false,
      version: 0,
    });
    const rename = () => admin.call('triage', 'PUT', `/programmes/${programmeId}`, { name: 'Finance' });
    expect(await rename()).toMatchObject({ version: 1 });
    expect(await rename()).toMatchObject({ version: 1 });
    expect(await admin.call('triage', 'GET', `/programmes/${programmeId}`)).toMatchObject({
      name: 'Finance',
    });
  });

  it('refuses a programme without a name, naming the field', async () => {
    const answer = await admin.send('triage', 'POST', '/programmes', { name: ' ' });
    expect(answer).toMatchObject({
      status: 400,
      body: { errors: [expect.objectContaining({ field: 'name' })] },
    });
  });

  it('holds the periods planned in it; planning in a programme that does not exist writes nothing', async () => {
    const programmeId = await newProgramme(admin, 'HR');
    const { periodId } = await planPeriod(admin, programmeId, definition);
    expect(await admin.call('triage', 'GET', `/periods/${periodId}`)).toMatchObject({ programmeId });
    const before = await eventCount();
    const unknown = await admin.send('triage', 'POST', `/programmes/${randomUUID()}/periods`, definition);
    expect(unknown).toMatchObject({
      status: 404,
      body: { detail: expect.stringMatching(/^programme .* does not exist$/) },
    });
    expect(await eventCount()).toBe(before);
  });

  it("lets a programme's lead plan and run its periods, and reach nothing of another programme", async () => {
    const ours = await newProgramme(admin, 'Supply chain');
    const theirs = await newProgramme(admin, 'Retail');
    const lead = await keyFor(`lead@programme:${ours}`);
    const { periodId } = await planPeriod(lead, ours, definition);
    expect(await lead.call('triage', 'POST', `/periods/${periodId}/activate`, {})).toMatchObject({
      status: 'active',
    });
    expect((await lead.send('triage', 'GET', `/programmes/${ours}`)).status).toBe(200);

    const { periodId: foreign } = await planPeriod(admin, theirs, definition);
    const before = await eventCount();
    const refusals = await Promise.all([
      lead.send('triage', 'POST', `/programmes/${theirs}/periods`, definition),
      lead.send('triage', 'GET', `/programmes/${theirs}`),
      lead.send('triage', 'GET', `/periods/${foreign}`),
      lead.send('triage', 'POST', `/periods/${foreign}/activate`, {}),
      lead.send('triage', 'PUT', `/programmes/${ours}`, { name: 'Renamed by its lead' }),
    ]);
    expect(refusals.map(({ status }) => status)).toEqual([404, 404, 404, 404, 404]);
    expect(await eventCount()).toBe(before);
  });

  it('lets a period lead run its period but plan nothing, not even in its own programme', async () => {
    const programmeId = await newProgramme(admin, 'Logistics');
    const { periodId } = await planPeriod(admin, programmeId, definition);
    const lead = await keyFor(`lead@period:${periodId}`);
    expect((await lead.send('triage', 'POST', `/periods/${periodId}/activate`, {})).status).toBe(200);
    expect((await lead.send('triage', 'POST', `/programmes/${programmeId}/periods`, definition)).status).toBe(
      404,
    );
  });

  it('makes a programme of each free-text name older periods gave, once, and the periods belong to it', async () => {
    const periodId = randomUUID();
    await store().append(`period-${periodId}`, [
      {
        type: 'hypercare.period.planned.v1',
        data: { periodId, programme: 'Legacy programme', ...definition },
      },
    ]);
    // As on a database written before programmes: the log has not been scanned for them yet.
    await triage.app
      .get(ServiceRuntime)
      .sql.query("delete from triage.completed_steps where step = 'legacy-programmes'");
    const migration = triage.app.get(LegacyProgrammes);
    await migration.onModuleInit();
    await migration.onModuleInit();
    const programmeId = legacyProgrammeId('Legacy programme');
    expect(await admin.call('triage', 'GET', `/programmes/${programmeId}`)).toEqual({
      programmeId,
      name: 'Legacy programme',
      legacy: true,
      version: 0,
    });
    expect(await admin.call('triage', 'GET', `/periods/${periodId}`)).toMatchObject({ programmeId });
    const { periodId: next } = await planPeriod(admin, programmeId, definition);
    expect(await admin.call('triage', 'GET', `/periods/${next}`)).toMatchObject({ programmeId });
  });
});
