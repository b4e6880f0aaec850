import { logLevel, type logCreator } from 'kafkajs';

/** The part of a pino logger messaging writes to; services pass their own so lines carry trace ids. */
export interface MessagingLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Sends kafkajs's own log lines (WARN and worse) into the service's structured log. */
export const kafkaLogCreator =
  (log: MessagingLog): logCreator =>
  () =>
  ({ namespace, level, log: { message, ...fields } }) => {
    const line = { component: 'kafkajs', namespace, ...fields };
    if (level === logLevel.ERROR || level === logLevel.NOTHING) log.error(line, message);
    else if (level === logLevel.WARN) log.warn(line, message);
    else log.info(line, message);
  };
