import { logLevel } from 'kafkajs';
import { kafkaLogCreator } from './log';

describe('kafkajs log lines', () => {
  it('reach the outage as trouble, naming kafkajs and its namespace, with their fields but not their stack trace', () => {
    const lines: Array<[object, string]> = [];
    const write = kafkaLogCreator({ trouble: (fields, message) => lines.push([fields, message]) })(
      logLevel.WARN,
    );
    write({
      namespace: 'Connection',
      level: logLevel.ERROR,
      label: 'ERROR',
      log: { timestamp: 't', message: 'Connection error', broker: '127.0.0.1:9092', stack: 'Error: at …' },
    });
    expect(lines).toEqual([
      [
        { component: 'kafkajs', namespace: 'Connection', timestamp: 't', broker: '127.0.0.1:9092' },
        'Connection error',
      ],
    ]);
  });
});
