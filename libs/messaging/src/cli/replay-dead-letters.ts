import { KafkaMessageBus } from '../kafka-message-bus';

/**
 * Sends every dead-lettered message of a topic back to it, once, after the cause was fixed:
 *
 *   KAFKA_BROKERS=127.0.0.1:9092 npm run dlq:replay -- hypercare.tickets.v1
 */
const usage = 'usage: npm run dlq:replay -- <topic>   (KAFKA_BROKERS names the brokers, e.g. 127.0.0.1:9092)';

const main = async (): Promise<number> => {
  const [topic, ...extra] = process.argv.slice(2);
  const brokers = process.env['KAFKA_BROKERS'];
  if (!topic || extra.length > 0 || topic.startsWith('-')) {
    console.error(`replay-dead-letters: name exactly one topic\n${usage}`);
    return 2;
  }
  if (topic.endsWith('.dlq')) {
    console.error(
      `replay-dead-letters: name the original topic, not its dead-letter topic (${topic.slice(0, -'.dlq'.length)})`,
    );
    return 2;
  }
  if (!brokers) {
    console.error(`replay-dead-letters: KAFKA_BROKERS is not set\n${usage}`);
    return 2;
  }
  const bus = await KafkaMessageBus.connect({
    brokers: brokers.split(','),
    clientId: 'hypercare-dlq-replay',
  });
  try {
    const replayed = await bus.replayDeadLetters(topic);
    process.stdout.write(
      `replayed ${replayed} dead-lettered message${replayed === 1 ? '' : 's'} from ${topic}.dlq to ${topic}\n`,
    );
    return 0;
  } finally {
    await bus.close();
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`replay-dead-letters: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
