export {
  contractedConsumer,
  type ContractedConsumerOptions,
  type ContractedIntegrationEvent,
} from './contracted-consumer';
export { consumeOnce, Inbox, type InboxConsumerOptions } from './inbox';
export { InProcessMessageBus, UnknownTopic } from './in-process-message-bus';
export {
  fromWireMessage,
  MalformedMessage,
  toWireMessage,
  type IntegrationEvent,
  type WireMessage,
} from './integration-event';
export { KafkaMessageBus, type KafkaMessageBusOptions } from './kafka-message-bus';
export {
  DEAD_LETTER_HEADERS,
  deadLetterTopic,
  type ConsumerOptions,
  type Delivery,
  type MessageBus,
  type RunningConsumer,
  type TopicSpec,
} from './message-bus.port';
export {
  AdvisoryLockElection,
  SoleLeader,
  type AdvisoryLockElectionOptions,
  type LeaderElection,
  type LeaderLease,
} from './relay/leader-election';
export { aggregateIdOf, outboundEvent } from './relay/outbound-event';
export {
  OutboxRelay,
  RELAY_BATCH_SIZE,
  type OutboxRelayOptions,
  type RelayStatus,
} from './relay/outbox-relay';
export { currentTraceparent, inConsumerSpan } from './tracing';
export { kafkaLogCreator, type MessagingLog } from './log';
