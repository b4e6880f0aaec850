import { randomUUID } from 'node:crypto';
import { describeWith, kafkaBrokers } from '@hypercare/testing';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { KafkaMessageBus } from './kafka-message-bus';
import { describeMessageBusContract } from './testing';

describeWith('kafka')('Kafka adapter', () => {
  describeMessageBusContract('Kafka', async () => {
    const bus = await KafkaMessageBus.connect({ brokers: kafkaBrokers(), clientId: 'messaging-contract' });
    return { bus, dispose: () => bus.close() };
  });

  it('keeps a topic provisioned as kept forever without limit, and sets it on a topic that existed before', async () => {
    const bus = await KafkaMessageBus.connect({ brokers: kafkaBrokers(), clientId: 'messaging-retention' });
    const admin = new Kafka({ brokers: kafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const retention = async (topic: string) => {
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
      });
      const entries = resources[0]?.configEntries ?? [];
      return Object.fromEntries(
        entries
          .filter(({ configName }) => configName.startsWith('retention.'))
          .map(({ configName, configValue }) => [configName, configValue]),
      );
    };
    try {
      const fresh = `kept-${randomUUID()}`;
      const older = `older-${randomUUID()}`;
      await bus.provision([
        { name: fresh, partitions: 2, keptForever: true },
        { name: older, partitions: 1 },
      ]);
      expect(await retention(fresh)).toEqual({ 'retention.ms': '-1', 'retention.bytes': '-1' });
      expect((await retention(older))['retention.ms']).not.toBe('-1');
      await bus.provision([{ name: older, partitions: 1, keptForever: true }]);
      expect(await retention(older)).toEqual({ 'retention.ms': '-1', 'retention.bytes': '-1' });
    } finally {
      await admin.disconnect();
      await bus.close();
    }
  });
});
