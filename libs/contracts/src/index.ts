export { asyncApiDocument } from './asyncapi';
export { asyncApiPage } from './asyncapi-page';
export { ContractRegistry, type Upcaster } from './contract-registry';
export {
  defineEvent,
  EVENT_TYPE_PATTERN,
  unversioned,
  type EventContract,
  type EventData,
  type EventOf,
} from './event-contract';
export { ContractViolation, UnknownEventType, type ContractIssue } from './errors';
export * from './hypercare';
