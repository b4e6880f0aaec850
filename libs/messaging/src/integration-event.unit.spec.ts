import { CloudEvent, Kafka } from 'cloudevents';
import { fromWireMessage, MalformedMessage, toWireMessage, type IntegrationEvent } from './integration-event';

const event: IntegrationEvent = {
  id: '0b9a8a8e-6a40-4d4e-9d61-0d5b7f0e2c11',
  type: 'hypercare.ticket.triaged.v1',
  source: '/hypercare/triage',
  subject: 'T-42',
  time: new Date('2026-11-23T10:00:00.000Z'),
  data: { priority: 'P1', category: 'critical-bug' },
  periodId: 'P-7',
  correlationId: 'corr-1',
  causationId: 'cause-1',
  traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  streamVersion: 3,
  logPosition: 1042,
  actor: { subject: 'api-key:0a1b2c3d4e5f6a7b', name: 'ERP monitor', kind: 'machine' },
};

describe('CloudEvents binary content mode', () => {
  it('puts the attributes and extensions in ce_* headers, the aggregate id in the key, the data in the value', () => {
    const message = toWireMessage(event);
    expect(message.key).toBe('T-42');
    expect(JSON.parse(message.value)).toEqual(event.data);
    expect(message.headers).toMatchObject({
      ce_id: event.id,
      ce_type: event.type,
      ce_source: event.source,
      ce_specversion: '1.0',
      ce_time: '2026-11-23T10:00:00.000Z',
      ce_subject: 'T-42',
      ce_periodid: 'P-7',
      ce_correlationid: 'corr-1',
      ce_causationid: 'cause-1',
      ce_traceparent: event.traceparent,
      ce_streamversion: '3',
      ce_logposition: '1042',
    });
  });

  it("writes the headers the CloudEvents SDK's own binary mapping writes, and the SDK's parser reads the message", () => {
    const message = toWireMessage(event);
    const sdk = Kafka.binary(
      new CloudEvent({
        id: event.id,
        type: event.type,
        source: event.source,
        subject: event.subject,
        time: event.time.toISOString(),
        datacontenttype: 'application/json',
        data: event.data,
        periodid: 'P-7',
        correlationid: 'corr-1',
        causationid: 'cause-1',
        traceparent: event.traceparent,
        streamversion: '3',
        logposition: '1042',
        actorid: 'api-key:0a1b2c3d4e5f6a7b',
        actorname: 'ERP monitor',
        actorkind: 'machine',
      }),
    );
    expect(message.headers).toEqual(
      Object.fromEntries(Object.entries(sdk.headers).filter(([, value]) => typeof value === 'string')),
    );
    // The SDK's Kafka parser takes its own KafkaMessage shape (key, value, headers), wider than its declared type.
    const kafkaMessage = {
      key: message.key,
      value: message.value,
      headers: message.headers,
      body: message.value,
    };
    const parsed = Kafka.toEvent(kafkaMessage as Parameters<typeof Kafka.toEvent>[0]) as CloudEvent;
    expect(parsed).toMatchObject({
      id: event.id,
      type: event.type,
      subject: 'T-42',
      periodid: 'P-7',
      traceparent: event.traceparent,
      actorkind: 'machine',
      data: event.data,
    });
  });

  it('refuses to write an event the CloudEvents spec rejects', () => {
    expect(() => toWireMessage({ ...event, source: '' })).toThrow(/source/);
  });

  it('reads back exactly what it wrote', () => {
    expect(fromWireMessage(toWireMessage(event))).toEqual(event);
  });

  it('carries the actor as three extensions, and reads an event without one (recorded before sign-in) as having none', () => {
    expect(toWireMessage(event).headers).toMatchObject({
      ce_actorid: 'api-key:0a1b2c3d4e5f6a7b',
      ce_actorname: 'ERP monitor',
      ce_actorkind: 'machine',
    });
    const { actor: _, ...before } = event;
    expect(fromWireMessage(toWireMessage(before)).actor).toBeUndefined();
  });

  it('refuses an actor of a kind it does not know', () => {
    const message = toWireMessage(event);
    expect(() =>
      fromWireMessage({ ...message, headers: { ...message.headers, ce_actorkind: 'robot' } }),
    ).toThrow(new MalformedMessage('ce_actorkind robot is not person, machine or system'));
  });

  it('leaves absent extensions out', () => {
    const bare = {
      ...event,
      periodId: undefined,
      correlationId: undefined,
      causationId: undefined,
      traceparent: undefined,
      streamVersion: undefined,
      logPosition: undefined,
    };
    expect(
      Object.keys(toWireMessage(bare).headers).some((header) =>
        /periodid|correlationid|causationid|traceparent|streamversion|logposition/.test(header),
      ),
    ).toBe(false);
    expect(fromWireMessage(toWireMessage(bare))).toEqual(bare);
  });

  it.each([
    [
      'a missing id and subject',
      (m: ReturnType<typeof toWireMessage>) => ({
        ...m,
        headers: { ...m.headers, ce_id: '', ce_subject: '' },
      }),
      /missing headers ce_id, ce_subject/,
    ],
    [
      'another spec version',
      (m: ReturnType<typeof toWireMessage>) => ({ ...m, headers: { ...m.headers, ce_specversion: '0.3' } }),
      /ce_specversion 0.3/,
    ],
    [
      'a value that is not JSON',
      (m: ReturnType<typeof toWireMessage>) => ({ ...m, value: '{oops' }),
      /value is not JSON/,
    ],
    [
      'a time that is not a time',
      (m: ReturnType<typeof toWireMessage>) => ({ ...m, headers: { ...m.headers, ce_time: 'yesterday' } }),
      /ce_time yesterday/,
    ],
    [
      'a stream version that is not a whole number',
      (m: ReturnType<typeof toWireMessage>) => ({ ...m, headers: { ...m.headers, ce_streamversion: '-1' } }),
      /ce_streamversion -1 is not a whole number/,
    ],
  ])('refuses %s, naming it', (_, damage, message) => {
    expect(() => fromWireMessage(damage(toWireMessage(event)))).toThrow(MalformedMessage);
    expect(() => fromWireMessage(damage(toWireMessage(event)))).toThrow(message);
  });
});
