import type { ContractRegistry } from '@hypercare/contracts';
import type { RecordedEvent } from '@hypercare/event-store';
import type { IntegrationEvent } from '../integration-event';

/** The aggregate id in a stream named `<aggregate>-<id>` (ids may contain dashes themselves). */
export const aggregateIdOf = (stream: string): string => {
  const dash = stream.indexOf('-');
  return dash > 0 ? stream.slice(dash + 1) : stream;
};

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/**
 * A stored event, as the contracted store reads it (at its newest contract version), as it
 * is published: on its contract's topic, keyed by its aggregate id, carrying the metadata
 * that keeps its causal chain and trace.
 */
export const outboundEvent = (
  recorded: RecordedEvent,
  contracts: ContractRegistry,
  source: string,
): { topic: string; event: IntegrationEvent } => {
  return {
    topic: contracts.contractOf(recorded.type).topic,
    event: {
      id: recorded.id,
      type: recorded.type,
      source,
      subject: aggregateIdOf(recorded.stream),
      time: recorded.recordedAt,
      data: recorded.data,
      periodId: text(recorded.metadata.periodId),
      correlationId: text(recorded.metadata.correlationId),
      causationId: text(recorded.metadata.causationId),
      traceparent: text(recorded.metadata.traceparent),
      streamVersion: recorded.version,
      logPosition: recorded.position,
      ...(recorded.metadata.actor ? { actor: recorded.metadata.actor } : {}),
    },
  };
};
