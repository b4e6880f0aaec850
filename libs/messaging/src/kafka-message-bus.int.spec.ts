import { describeWith, kafkaBrokers } from '@hypercare/testing';
import { KafkaMessageBus } from './kafka-message-bus';
import { describeMessageBusContract } from './testing';

describeWith('kafka')('Kafka adapter', () => {
  describeMessageBusContract('Kafka', async () => {
    const bus = await KafkaMessageBus.connect({ brokers: kafkaBrokers(), clientId: 'messaging-contract' });
    return { bus, dispose: () => bus.close() };
  });
});
