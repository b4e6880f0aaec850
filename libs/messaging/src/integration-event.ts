import { CloudEvent, Kafka } from 'cloudevents';

/**
 * An event as it travels between services and to BAU consumers: a CloudEvents 1.0 event
 * whose `subject` is the aggregate id (and the Kafka message key).
 */
export interface IntegrationEvent<Data = unknown> {
  id: string;
  /** `hypercare.<aggregate>.<event>.v<N>` */
  type: string;
  /** The recording service, e.g. `/hypercare/triage`. */
  source: string;
  /** The aggregate id. */
  subject: string;
  time: Date;
  data: Data;
  periodId?: string;
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
}

/** A Kafka record in the form both adapters carry: string key, JSON value, string headers. */
export interface WireMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** A message that is not a readable CloudEvent; names what is missing or malformed. */
export class MalformedMessage extends Error {
  readonly code = 'MESSAGING.MALFORMED_MESSAGE';
  constructor(readonly problem: string) {
    super(`Not a readable CloudEvent: ${problem}`);
    this.name = 'MalformedMessage';
  }
}

const extensions = { periodId: 'periodid', correlationId: 'correlationid', causationId: 'causationid', traceparent: 'traceparent' } as const;

/** CloudEvents binary content mode: attributes in `ce_*` headers, JSON data as the value. */
export const toWireMessage = (event: IntegrationEvent): WireMessage => {
  const cloudEvent = new CloudEvent({
    id: event.id,
    type: event.type,
    source: event.source,
    subject: event.subject,
    time: event.time.toISOString(),
    datacontenttype: 'application/json',
    data: event.data,
    ...Object.fromEntries(
      Object.entries(extensions)
        .filter(([field]) => event[field as keyof typeof extensions] !== undefined)
        .map(([field, extension]) => [extension, event[field as keyof typeof extensions]]),
    ),
  });
  const headers = Object.fromEntries(
    Object.entries(Kafka.binary(cloudEvent).headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  return { key: event.subject, value: JSON.stringify(event.data), headers };
};

export const fromWireMessage = (message: WireMessage): IntegrationEvent => {
  const required = ['ce_id', 'ce_type', 'ce_source', 'ce_specversion', 'ce_time', 'ce_subject'];
  const missing = required.filter((header) => !message.headers[header]);
  if (missing.length) throw new MalformedMessage(`missing header${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (message.headers['ce_specversion'] !== '1.0') throw new MalformedMessage(`ce_specversion ${message.headers['ce_specversion']} is not 1.0`);
  let data: unknown;
  try {
    data = JSON.parse(message.value);
  } catch (error) {
    throw new MalformedMessage(`value is not JSON (${(error as Error).message})`);
  }
  const time = new Date(message.headers['ce_time'] as string);
  if (Number.isNaN(time.getTime())) throw new MalformedMessage(`ce_time ${message.headers['ce_time']} is not a time`);
  const header = (name: string): string | undefined => message.headers[`ce_${name}`];
  return {
    id: header('id') as string,
    type: header('type') as string,
    source: header('source') as string,
    subject: header('subject') as string,
    time,
    data,
    periodId: header(extensions.periodId),
    correlationId: header(extensions.correlationId),
    causationId: header(extensions.causationId),
    traceparent: header(extensions.traceparent),
  };
};
