import { isIsoDateTime } from '@hypercare/domain-kit';
import { ignoreOverride, zodToJsonSchema } from 'zod-to-json-schema';
import { sample } from 'openapi-sampler';
import type { ContractRegistry } from './contract-registry';
import type { EventContract } from './event-contract';

// zod-to-json-schema's generic signature makes the compiler recurse without end on an
// arbitrary contract schema (TS2589); the JSON it returns is all we need here.
const jsonSchemaOf = zodToJsonSchema as (
  schema: unknown,
  options: { target: 'jsonSchema7'; $refStrategy: 'none'; override: (def: unknown) => unknown },
) => Record<string, unknown>;

/** The CloudEvents 1.0 attributes every message carries as Kafka headers (binary content mode). */
const cloudEventHeaders = {
  type: 'object',
  required: ['ce_id', 'ce_source', 'ce_type', 'ce_specversion', 'ce_time', 'ce_subject'],
  properties: {
    ce_id: { type: 'string', description: 'Event id (UUID); the same id as in the event store.' },
    ce_source: {
      type: 'string',
      description: 'The service that recorded the event, e.g. /hypercare/triage.',
    },
    ce_type: { type: 'string', description: 'hypercare.<aggregate>.<event>.v<N>' },
    ce_specversion: { type: 'string', const: '1.0' },
    ce_time: { type: 'string', format: 'date-time', description: 'When the event was recorded.' },
    ce_subject: { type: 'string', description: 'The aggregate id; also the message key.' },
    ce_periodid: { type: 'string', description: 'The hypercare period the event belongs to.' },
    ce_correlationid: { type: 'string', description: 'Shared by every event of one causal chain.' },
    ce_causationid: {
      type: 'string',
      description: 'The id of the message or request that caused this event.',
    },
    ce_traceparent: { type: 'string', description: 'W3C trace context of the causing request.' },
    ce_actorid: {
      type: 'string',
      description:
        'Who acted: the verified subject of the caller (a token `sub`, `api-key:<id>`) or `system:<component>`. Absent on events recorded before sign-in.',
    },
    ce_actorname: {
      type: 'string',
      description: 'The actor as people read it: a name, a key name, a component.',
    },
    ce_actorkind: {
      type: 'string',
      enum: ['person', 'machine', 'system'],
      description: 'What the actor is.',
    },
    ce_streamversion: {
      type: 'string',
      pattern: '^\\d+$',
      description:
        "The event's version in its aggregate's stream (decimal): what a reader waits for to read its own write.",
    },
    ce_logposition: {
      type: 'string',
      pattern: '^\\d+$',
      description: "The event's position in the publishing service's log (decimal).",
    },
    'content-type': { type: 'string', const: 'application/json' },
  },
} as const;

const EXAMPLE_TIME = '2026-11-02T08:00:00.000Z';

const payloadOf = (contract: EventContract): Record<string, unknown> =>
  jsonSchemaOf(contract.schema, {
    target: 'jsonSchema7',
    $refStrategy: 'none',
    override: (def) =>
      isIsoDateTime(def) ? { type: 'string', format: 'date-time', examples: [EXAMPLE_TIME] } : ignoreOverride,
  });

/** A message as a consumer receives it: made from its schema (openapi-sampler), valid against its contract. */
const exampleOf = (contract: EventContract, publisher: string | undefined) => {
  const payload = {
    ...(sample(payloadOf(contract), { skipNonRequired: false }) as object),
    ...contract.example,
  };
  return {
    name: 'example',
    summary: contract.summary,
    headers: {
      ce_id: '01a22af2-3fbe-7442-94fd-331c68cbc726',
      ce_source: `/hypercare/${publisher ?? 'service'}`,
      ce_type: contract.type,
      ce_specversion: '1.0',
      ce_time: EXAMPLE_TIME,
      ce_subject: '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f',
      'content-type': 'application/json',
    },
    payload,
  };
};

/**
 * The AsyncAPI 3.0 document of every registered contract: one channel per topic, one
 * message per event type with its JSON Schema payload, CloudEvents headers and an example.
 */
export const asyncApiDocument = (
  registry: ContractRegistry,
  info: {
    title: string;
    version: string;
    description?: string;
    /** The service publishing each topic. */
    publishers?: Readonly<Record<string, string>>;
  },
) => {
  const contracts = registry.all().sort((a, b) => a.type.localeCompare(b.type));
  const topics = [...new Set(contracts.map((contract) => contract.topic))].sort();
  const messages = Object.fromEntries(
    contracts.map((contract) => [
      contract.type,
      {
        name: contract.type,
        title: contract.type,
        summary: contract.summary,
        contentType: 'application/json',
        headers: { $ref: '#/components/schemas/CloudEventHeaders' },
        payload: payloadOf(contract),
        examples: [exampleOf(contract, info.publishers?.[contract.topic])],
        bindings: { kafka: { key: { type: 'string', description: 'The aggregate id (ce_subject).' } } },
      },
    ]),
  );
  const messageRefs = (topic: string) =>
    Object.fromEntries(
      contracts
        .filter((contract) => contract.topic === topic)
        .map((contract) => [contract.type, { $ref: `#/components/messages/${contract.type}` }]),
    );
  return {
    asyncapi: '3.0.0',
    info: { title: info.title, version: info.version, description: info.description },
    defaultContentType: 'application/json',
    channels: Object.fromEntries(
      topics.map((topic) => [
        topic,
        {
          address: topic,
          ...(info.publishers?.[topic] ? { description: `Published by ${info.publishers[topic]}.` } : {}),
          messages: messageRefs(topic),
        },
      ]),
    ),
    operations: Object.fromEntries(
      topics.map((topic) => [
        `receive-${topic}`,
        {
          action: 'receive',
          channel: { $ref: `#/channels/${topic}` },
          messages: Object.keys(messageRefs(topic)).map((type) => ({
            $ref: `#/channels/${topic}/messages/${type}`,
          })),
        },
      ]),
    ),
    components: { schemas: { CloudEventHeaders: cloudEventHeaders }, messages },
  };
};
