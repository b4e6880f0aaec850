import { CloudEvent } from 'cloudevents';

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
  /** The event's version in its aggregate's stream: what a reader waits for to read its own write. */
  streamVersion?: number;
  /** The event's position in the publishing service's log. */
  logPosition?: number;
  /** Who acted: the verified caller of the request that caused it, or the platform component. */
  actor?: EventActor;
}

export interface EventActor {
  subject: string;
  name: string;
  kind: 'person' | 'machine' | 'system';
}

const ACTOR_KINDS: ReadonlySet<string> = new Set(['person', 'machine', 'system']);

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

const extensions = {
  periodId: 'periodid',
  correlationId: 'correlationid',
  causationId: 'causationid',
  traceparent: 'traceparent',
} as const;

/** Whole numbers, carried as decimal strings like every `ce_` header. */
const numericExtensions = { streamVersion: 'streamversion', logPosition: 'logposition' } as const;

/** The actor, as three strings: CloudEvents extensions cannot hold objects. */
const actorExtensions = { subject: 'actorid', name: 'actorname', kind: 'actorkind' } as const;

const requiredAttributes = ['id', 'type', 'source', 'subject'] as const;

/**
 * CloudEvents binary content mode: attributes in `ce_*` headers, JSON data as the value.
 * Throws MalformedMessage naming an empty required attribute or an invalid time.
 */
export const toWireMessage = (event: IntegrationEvent): WireMessage => {
  // Checked here instead of by the SDK's strict mode, whose schema validation costs more per
  // message than everything else the relay does; these are all the spec asks of our fields.
  const empty = requiredAttributes.filter(
    (attribute) => typeof event[attribute] !== 'string' || event[attribute].length === 0,
  );
  if (empty.length) throw new MalformedMessage(`empty ${empty.join(', ')}`);
  if (Number.isNaN(event.time.getTime())) throw new MalformedMessage('time is not a valid date');
  const attributes: Record<string, unknown> = {
    id: event.id,
    type: event.type,
    source: event.source,
    subject: event.subject,
    time: event.time.toISOString(),
    datacontenttype: 'application/json',
    data: event.data,
  };
  for (const [field, extension] of Object.entries(extensions)) {
    const value = event[field as keyof typeof extensions];
    if (value !== undefined) attributes[extension] = value;
  }
  for (const [field, extension] of Object.entries(numericExtensions)) {
    const value = event[field as keyof typeof numericExtensions];
    if (value !== undefined) attributes[extension] = String(value);
  }
  if (event.actor) {
    attributes[actorExtensions.subject] = event.actor.subject;
    attributes[actorExtensions.name] = event.actor.name;
    attributes[actorExtensions.kind] = event.actor.kind;
  }
  const cloudEvent = new CloudEvent(attributes, false);
  // The Kafka binding's binary mode (§3.2): content-type from datacontenttype, every other
  // attribute as a `ce_` header. Mapped here rather than by the SDK's Kafka.binary, which
  // costs more per message than the rest of the relay; the SDK's own parser reads the result.
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const [attribute, value] of Object.entries(cloudEvent)) {
    if (attribute !== 'data' && typeof value === 'string') headers[`ce_${attribute}`] = value;
  }
  return { key: event.subject, value: JSON.stringify(event.data), headers };
};

export const fromWireMessage = (message: WireMessage): IntegrationEvent => {
  const required = ['ce_id', 'ce_type', 'ce_source', 'ce_specversion', 'ce_time', 'ce_subject'];
  const missing = required.filter((header) => !message.headers[header]);
  if (missing.length)
    throw new MalformedMessage(`missing header${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (message.headers['ce_specversion'] !== '1.0')
    throw new MalformedMessage(`ce_specversion ${message.headers['ce_specversion']} is not 1.0`);
  let data: unknown;
  try {
    data = JSON.parse(message.value);
  } catch (error) {
    throw new MalformedMessage(`value is not JSON (${(error as Error).message})`);
  }
  const time = new Date(message.headers['ce_time'] as string);
  if (Number.isNaN(time.getTime()))
    throw new MalformedMessage(`ce_time ${message.headers['ce_time']} is not a time`);
  const header = (name: string): string | undefined => message.headers[`ce_${name}`];
  const whole = (name: string): number | undefined => {
    const value = header(name);
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) throw new MalformedMessage(`ce_${name} ${value} is not a whole number`);
    return Number(value);
  };
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
    streamVersion: whole(numericExtensions.streamVersion),
    logPosition: whole(numericExtensions.logPosition),
    actor: actorOf(header),
  };
};

/** The actor the headers name, when they name a whole one (events recorded before sign-in name none). */
const actorOf = (header: (name: string) => string | undefined): EventActor | undefined => {
  const [subject, name, kind] = [actorExtensions.subject, actorExtensions.name, actorExtensions.kind].map(
    header,
  );
  if (!subject || !name || !kind) return undefined;
  if (!ACTOR_KINDS.has(kind))
    throw new MalformedMessage(`ce_actorkind ${kind} is not person, machine or system`);
  return { subject, name, kind: kind as EventActor['kind'] };
};
