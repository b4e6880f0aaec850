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

const SPEC_VERSION = '1.0';
const EXTENSION_FIELDS = Object.entries(extensions) as Array<[keyof typeof extensions, string]>;
const NUMERIC_EXTENSION_FIELDS = Object.entries(numericExtensions) as Array<
  [keyof typeof numericExtensions, string]
>;

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
  // The Kafka binding's binary mode (§3.2): content-type from datacontenttype, every other
  // attribute as a `ce_` header, written directly: building the SDK's CloudEvent first cost a
  // third of the relay's own time per message. The unit spec holds these headers to the ones
  // the SDK's Kafka.binary writes, and the SDK's parser reads the result.
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ce_id: event.id,
    ce_time: event.time.toISOString(),
    ce_type: event.type,
    ce_source: event.source,
    ce_specversion: SPEC_VERSION,
    ce_datacontenttype: 'application/json',
    ce_subject: event.subject,
  };
  for (const [field, extension] of EXTENSION_FIELDS) {
    const value = event[field];
    if (value !== undefined) headers[`ce_${extension}`] = value;
  }
  for (const [field, extension] of NUMERIC_EXTENSION_FIELDS) {
    const value = event[field];
    if (value !== undefined) headers[`ce_${extension}`] = String(value);
  }
  if (event.actor) {
    headers[`ce_${actorExtensions.subject}`] = event.actor.subject;
    headers[`ce_${actorExtensions.name}`] = event.actor.name;
    headers[`ce_${actorExtensions.kind}`] = event.actor.kind;
  }
  return { key: event.subject, value: JSON.stringify(event.data), headers };
};

export const fromWireMessage = (message: WireMessage): IntegrationEvent => {
  const required = ['ce_id', 'ce_type', 'ce_source', 'ce_specversion', 'ce_time', 'ce_subject'];
  const missing = required.filter((header) => !message.headers[header]);
  if (missing.length)
    throw new MalformedMessage(`missing header${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (message.headers['ce_specversion'] !== SPEC_VERSION)
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
