import { describeWithJava, privateKafka, type PrivateKafka } from '@hypercare/testing';
import { KafkaMessageBus } from './kafka-message-bus';
import { describeMessageBusContract } from './testing';

const SCRAM = { user: 'hypercare', password: 'a-scram-password-for-tests' };

/** The Kafka adapter signing in with SASL/SCRAM-SHA-256 to a broker that requires it. */
describeWithJava('kafka')('Kafka adapter with SASL/SCRAM', () => {
  let kafka: PrivateKafka;

  beforeAll(async () => {
    kafka = await privateKafka({ scram: SCRAM });
    await kafka.launcher('start');
  }, 180_000);
  afterAll(() => kafka?.dispose());

  const connect = (password: string) =>
    KafkaMessageBus.connect({
      brokers: kafka.brokers,
      clientId: 'messaging-scram',
      security: { sasl: { mechanism: 'scram-sha-256', username: SCRAM.user, password } },
    });

  it('is refused with the wrong password, saying authentication failed', async () => {
    await expect(connect('not-the-password')).rejects.toThrow(/SASL SCRAM SHA256 authentication failed/);
  });

  describeMessageBusContract('Kafka with SCRAM', async () => {
    const bus = await connect(SCRAM.password);
    return { bus, dispose: () => bus.close() };
  });
});
