import { HANDOFF_TOPIC } from '@hypercare/contracts';
import { describeWith, eventually, kafkaBrokers } from '@hypercare/testing';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { DistributedPlatform } from './distributed-platform';
import { newProgramme, planPeriod } from '@hypercare/client';
import { periodDefinition, submitReport } from './scenario-steps';

interface Package {
  digest: string;
  counts: Record<string, number>;
  events: Array<{ id: string; type: string; data: Record<string, unknown> }>;
}

/** What a BAU system sees of the topic: every message keyed by the period, from offset 0. */
const readHandoffFromStart = async (periodId: string, until: (types: string[]) => boolean) => {
  const kafka = new Kafka({ clientId: 'bau-reader', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `bau-${randomUUID()}` });
  const received: Array<{ type: string; id: string; data: Record<string, unknown> }> = [];
  await consumer.connect();
  await consumer.subscribe({ topic: HANDOFF_TOPIC, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (message.key?.toString() !== periodId) return;
      received.push({
        type: String(message.headers?.['ce_type']),
        id: String(message.headers?.['ce_id']),
        data: JSON.parse(String(message.value)) as Record<string, unknown>,
      });
    },
  });
  try {
    await eventually('the whole package on the topic', () => until(received.map(({ type }) => type)), 30_000);
  } finally {
    await consumer.disconnect();
  }
  return received;
};

/**
 * Exit and handoff through the services as deployed, over Kafka: a period whose criterion is
 * unmet refuses to close until a lead overrides it, saying why; its handoff package is then
 * recorded by reporting, published on hypercare.handoff.v1, read back whole by a plain Kafka
 * consumer from offset 0, and assembled again from the read models to the same digest.
 */
describeWith('postgres', 'kafka')('exit and handoff over Kafka', () => {
  let platform: DistributedPlatform;
  let periodId: string;
  let ticketId: string;

  // The criterion comes once the P1 is open, so its first evaluation (and all triage hears) is "unmet".
  beforeAll(async () => {
    platform = await DistributedPlatform.start();
    const goLive = new Date(Date.now() - 3 * 86_400_000);
    const { exitCriteria, ...withoutCriteria } = periodDefinition(goLive);
    const programmeId = await newProgramme(platform.client, 'Finance transformation');
    ({ periodId } = await planPeriod(platform.client, programmeId, withoutCriteria));
    await platform.client.call('triage', 'POST', `/periods/${periodId}/activate`, {});
    await platform.client.poll<{ status: string }>(
      'intake',
      `/periods/${periodId}`,
      (r) => r.body?.status === 'active',
    );
    ticketId = await submitReport(platform.client, periodId, 1, 1);
    await platform.client.poll('triage', `/tickets/${ticketId}`, (r) => r.status === 200, 30_000);
    await platform.client.call('triage', 'POST', `/tickets/${ticketId}/triage`, {
      category: 'critical-bug',
      impact: 'high',
      urgency: 'high',
    });
    await platform.client.call('triage', 'PUT', `/periods/${periodId}`, { ...withoutCriteria, exitCriteria });
  }, 180_000);
  afterAll(() => platform?.stop());

  it('shows the open P1 against "No open P1" in the exit readiness, with its evidence', async () => {
    const { body } = await platform.client.poll<{ ready: boolean; criteria: Array<Record<string, unknown>> }>(
      'reporting',
      `/periods/${periodId}/exit`,
      (r) => r.status === 200 && r.body.criteria[0]?.['value'] === 1,
      30_000,
    );
    expect(body.ready).toBe(false);
    expect(body.criteria[0]).toMatchObject({
      name: 'No open P1',
      met: false,
      evidence: { tickets: [{ ticketId }] },
    });
  });

  it("refuses the close while the criterion is unmet, and closes on a lead's override", async () => {
    await platform.client.poll<{ exitUnmet: string[] }>(
      'triage',
      `/periods/${periodId}`,
      (r) => r.status === 200 && r.body.exitUnmet.join() === 'No open P1',
      30_000,
    );
    const refused = await platform.client.send<{ detail: string }>(
      'triage',
      'POST',
      `/periods/${periodId}/close`,
      {
        handOverOpenTickets: true,
      },
    );
    expect([refused.status, refused.body.detail]).toEqual([
      409,
      expect.stringContaining('exit criteria not met (No open P1)'),
    ]);
    const closed = await platform.client.send('triage', 'POST', `/periods/${periodId}/close`, {
      handOverOpenTickets: true,
      summary: 'Stable after week one; the ledger P1 goes to the service desk',
      override: { reason: 'The P1 has a workaround and a BAU owner' },
    });
    expect(closed.status).toBe(200);
  });

  it('publishes the package on hypercare.handoff.v1, read whole from offset 0, equal to the recorded one', async () => {
    const { body: recorded } = await platform.client.poll<Package>(
      'reporting',
      `/periods/${periodId}/handoff`,
      (r) => r.status === 200,
      60_000,
    );
    expect(recorded.counts).toMatchObject({ 'open-ticket': 1, kpis: 1, exit: 1, lesson: 1, contact: 6 });
    const exit = recorded.events.find(({ type }) => type === 'hypercare.handoff.exit.v1');
    expect(exit?.data['override']).toMatchObject({
      reason: 'The P1 has a workaround and a BAU owner',
      unmet: ['No open P1'],
    });

    const onTheWire = await readHandoffFromStart(periodId, (types) =>
      types.includes('hypercare.handoff.completed.v1'),
    );
    expect(onTheWire).toEqual(recorded.events);
    expect(new Set(onTheWire.map(({ id }) => id)).size).toBe(onTheWire.length);
  });

  it('assembles the package again, from read models rebuilt from the history, to the same digest', async () => {
    await platform.client.call('reporting', 'POST', '/projections/rebuild');
    const check = await platform.client.call<{ recorded: string; reassembled: string; same: boolean }>(
      'reporting',
      'GET',
      `/periods/${periodId}/handoff/check`,
    );
    expect(check).toEqual({
      recorded: check.reassembled,
      reassembled: expect.stringMatching(/^[0-9a-f]{64}$/),
      same: true,
    });
    const markdown = await platform.client.text('reporting', `/periods/${periodId}/handoff.md`);
    expect([markdown.status, markdown.headers.get('content-type')]).toEqual([
      200,
      expect.stringMatching(/text\/markdown/),
    ]);
    expect(markdown.body).toContain(`| ${ticketId} |`);
    expect(markdown.body).toContain(`\`${check.recorded}\``);
  });
});
