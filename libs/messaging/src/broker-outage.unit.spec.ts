import { BrokerOutage } from './broker-outage';
import type { MessagingLog } from './log';

const recorder = () => {
  const lines: Array<[string, object, string]> = [];
  const log: MessagingLog = {
    info: (fields, message) => lines.push(['info', fields, message]),
    warn: (fields, message) => lines.push(['warn', fields, message]),
    error: (fields, message) => lines.push(['error', fields, message]),
  };
  return { lines, log };
};

describe('a broker outage in the log', () => {
  let now = 0;
  const clock = () => now;

  it('given a reachable broker, when trouble comes, then one warning names it and the client counts as unreachable', () => {
    const { lines, log } = recorder();
    const outage = new BrokerOutage(log, 'triage', clock);
    outage.trouble({ broker: 'b:9092' }, 'Connection error: connect ECONNREFUSED');
    expect(outage.reachable).toBe(false);
    expect(lines).toEqual([
      [
        'warn',
        { broker: 'b:9092', client: 'triage' },
        expect.stringMatching(/^Kafka trouble: Connection error: connect ECONNREFUSED/),
      ],
    ]);
    outage.forget();
  });

  it('given an outage, when more trouble comes and then the broker answers, then one info line says for how long and how much was held back', () => {
    const { lines, log } = recorder();
    const outage = new BrokerOutage(log, 'intake', clock);
    now = 1_000;
    outage.trouble({}, 'Connection error');
    outage.trouble({}, 'Crash: KafkaJSNumberOfRetriesExceeded');
    outage.trouble({}, 'Restarting the consumer in 2000ms');
    now = 91_000;
    outage.answered();
    outage.answered();
    expect(outage.reachable).toBe(true);
    expect(lines.map(([level]) => level)).toEqual(['warn', 'info']);
    expect(lines[1]).toEqual([
      'info',
      { client: 'intake', troubleMs: 90_000, heldBack: 2 },
      'Kafka answers again',
    ]);
    outage.forget();
  });

  it('given a reachable broker, when a group coordinator is not available yet, then that is an info line and no outage', () => {
    const { lines, log } = recorder();
    const outage = new BrokerOutage(log, 'reporting', clock);
    outage.trouble(
      { error: 'The group coordinator is not available' },
      'Response GroupCoordinator(key: 10, version: 2)',
    );
    expect(outage.reachable).toBe(true);
    expect(lines.map(([level]) => level)).toEqual(['info']);
    outage.forget();
  });

  it('given a recovered outage, when trouble comes again, then it is warned about again', () => {
    const { lines, log } = recorder();
    const outage = new BrokerOutage(log, 'feedback', clock);
    outage.trouble({}, 'first');
    outage.answered();
    outage.trouble({}, 'second');
    expect(lines.map(([level, , message]) => `${level} ${message.split(' (')[0]}`)).toEqual([
      'warn Kafka trouble: first',
      'info Kafka answers again',
      'warn Kafka trouble: second',
    ]);
    outage.forget();
  });
});
