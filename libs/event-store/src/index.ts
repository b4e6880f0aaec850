export {
  EventIdConflict,
  EventStoreError,
  InvalidEventStoreArgument,
  UnexpectedEvent,
  WrongExpectedVersion,
} from './errors';
export type {
  AppendOptions,
  AppendResult,
  AsOf,
  EventFilter,
  EventMetadata,
  EventStore,
  EventStoreCapabilities,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  QueryOptions,
  SqlExecutor,
  StoreTransaction,
  Subscription,
  SubscriptionOptions,
  TransactionalEventStore,
} from './event-store.port';
export { isTransactional } from './event-store.port';
export {
  ContractedEventStore,
  ContractedTransactionalStore,
  type ContractedEvent,
  type ContractedEventStoreOptions,
} from './contracted-event-store';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { LogSearch, type ActorActivity, type LogQuery } from './postgres/log-search';
export { pgClient, pgliteClient, type SqlClient } from './postgres/sql-client';
export { PgliteConnection, pglitePoolConfig } from './postgres/pglite-connection';
export { prepareStatements } from './postgres/prepared-statements';
export { quoteIdent } from './postgres/sql-text';
export { GroupCommit, type GroupCommitOptions } from './group-commit';
export { commandHandler, type CommandHandlerOptions, type HandledCommand } from './command-handler';
export { fold, type CommandContext, type Decider, type DomainEvent, type StreamExpectation } from './decider';
export { openPgliteEventStore, openPostgresEventStore } from './postgres/open';
export { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
