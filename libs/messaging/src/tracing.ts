import {
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { IntegrationEvent } from './integration-event';
import type { Delivery } from './message-bus.port';

// An explicit propagator: the traceparent must travel even where no global propagator was registered.
const w3c = new W3CTraceContextPropagator();
const tracer = trace.getTracer('hypercare-messaging');

/** The W3C `traceparent` of the active span, to record in the metadata of the events a request causes. */
export const currentTraceparent = (): string | undefined => {
  const carrier: Record<string, string> = {};
  w3c.inject(context.active(), carrier, defaultTextMapSetter);
  return carrier['traceparent'];
};

/**
 * Runs a consumer's handler in a CONSUMER span that continues the trace of the request that
 * caused the event (from its `traceparent`), so one trace spans request, relay and effect.
 */
export const inConsumerSpan = <T>(
  event: IntegrationEvent,
  delivery: Delivery,
  groupId: string,
  handle: () => Promise<T>,
): Promise<T> => {
  const parent = event.traceparent
    ? w3c.extract(ROOT_CONTEXT, { traceparent: event.traceparent }, defaultTextMapGetter)
    : ROOT_CONTEXT;
  const attributes = {
    'messaging.system': 'kafka',
    'messaging.operation.type': 'process',
    'messaging.destination.name': delivery.topic,
    'messaging.destination.partition.id': String(delivery.partition),
    'messaging.kafka.offset': Number(delivery.offset),
    'messaging.consumer.group.name': groupId,
    'messaging.message.id': event.id,
    'cloudevents.event_type': event.type,
    'cloudevents.event_subject': event.subject,
    'messaging.delivery.attempt': delivery.attempt,
  };
  return tracer.startActiveSpan(
    `process ${delivery.topic}`,
    { kind: SpanKind.CONSUMER, attributes },
    parent,
    async (span) => {
      try {
        return await handle();
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
};
