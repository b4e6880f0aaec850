import { logLevel } from 'kafkajs';
import { kafkaLogCreator, type MessagingLog } from './log';

describe('kafkajs log lines in the service log', () => {
  it('keeps the level, the message and the fields, and names kafkajs and its namespace', () => {
    const lines: Array<[string, object, string]> = [];
    const log: MessagingLog = {
      info: (fields, message) => lines.push(['info', fields, message]),
      warn: (fields, message) => lines.push(['warn', fields, message]),
      error: (fields, message) => lines.push(['error', fields, message]),
    };
    const write = kafkaLogCreator(log)(logLevel.INFO);
    const entry = (level: logLevel, message: string) => ({
      namespace: 'Connection',
      level,
      label: '',
      log: { timestamp: 't', message, broker: '127.0.0.1:9092' },
    });
    write(entry(logLevel.ERROR, 'Connection error'));
    write(entry(logLevel.WARN, 'Slow broker'));
    write(entry(logLevel.INFO, 'Connected'));
    expect(lines).toEqual([
      [
        'error',
        { component: 'kafkajs', namespace: 'Connection', timestamp: 't', broker: '127.0.0.1:9092' },
        'Connection error',
      ],
      [
        'warn',
        { component: 'kafkajs', namespace: 'Connection', timestamp: 't', broker: '127.0.0.1:9092' },
        'Slow broker',
      ],
      [
        'info',
        { component: 'kafkajs', namespace: 'Connection', timestamp: 't', broker: '127.0.0.1:9092' },
        'Connected',
      ],
    ]);
  });
});
