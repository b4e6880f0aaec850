import type { logCreator } from 'kafkajs';

/** The part of a pino logger messaging writes to; services pass their own so lines carry trace ids. */
export interface MessagingLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Where kafkajs's warnings and errors go: they are Kafka trouble, whatever their level. */
export interface KafkaTrouble {
  trouble(fields: object, message: string): void;
}

/** Hands kafkajs's own log lines (WARN and worse), stack traces left out, to `outage`. */
export const kafkaLogCreator =
  (outage: KafkaTrouble): logCreator =>
  () =>
  ({ namespace, log: { message, stack: _stack, ...fields } }) =>
    outage.trouble({ component: 'kafkajs', namespace, ...fields }, message);
