import { randomUUID } from 'node:crypto';
import { describeWith, kafkaBrokers, spawnService } from '@hypercare/testing';
import { KafkaMessageBus } from '../kafka-message-bus';
import type { IntegrationEvent } from '../integration-event';

const CLI = 'libs/messaging/src/cli/replay-dead-letters.ts';

const runCli = async (
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | string; output: string }> => {
  const cli = spawnService(CLI, env, args);
  return { code: await cli.exited, output: cli.output() };
};

describeWith('kafka')('dead-letter replay command', () => {
  const topic = `test.cli.${randomUUID().slice(0, 8)}.v1`;
  let bus: KafkaMessageBus;
  beforeAll(async () => {
    bus = await KafkaMessageBus.connect({ brokers: kafkaBrokers(), clientId: 'cli-test' });
    await bus.provision([{ name: topic, partitions: 1 }]);
  });
  afterAll(async () => bus?.close());

  it('sends a dead-lettered message back to its topic and says how many it sent', async () => {
    const event: IntegrationEvent = {
      id: randomUUID(),
      type: 'hypercare.probe.noted.v1',
      source: '/test',
      subject: 'A',
      time: new Date(),
      data: { text: 'x' },
    };
    let failing = 0;
    const poisoned = await bus.consume({
      groupId: `cli-poison-${topic}`,
      topics: [topic],
      maxAttempts: 1,
      handle: async () => {
        failing++;
        throw new Error('boom');
      },
    });
    await bus.publish(topic, [event]);
    while (failing === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    await poisoned.stop();

    const result = await runCli([topic], { KAFKA_BROKERS: kafkaBrokers().join(',') });
    expect(result).toMatchObject({
      code: 0,
      output: expect.stringContaining(`replayed 1 dead-lettered message from ${topic}.dlq to ${topic}`),
    });

    const copies: string[] = [];
    const reader = await bus.consume({
      groupId: `cli-reader-${topic}`,
      topics: [topic],
      handle: async (received) => void copies.push(received.id),
    });
    while (copies.length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
    await reader.stop();
    expect(copies).toEqual([event.id, event.id]);
  });

  it('refuses to run without exactly one original topic or without brokers, saying what is missing', async () => {
    const brokers = { KAFKA_BROKERS: kafkaBrokers().join(',') };
    await expect(runCli([], brokers)).resolves.toMatchObject({
      code: 2,
      output: expect.stringContaining('name exactly one topic'),
    });
    await expect(runCli([`${topic}.dlq`], brokers)).resolves.toMatchObject({
      code: 2,
      output: expect.stringContaining(`name the original topic, not its dead-letter topic (${topic})`),
    });
    await expect(runCli([topic], {})).resolves.toMatchObject({
      code: 2,
      output: expect.stringContaining('KAFKA_BROKERS is not set'),
    });
  });
});
