export { Backoff, pause } from './backoff';
export { ManualClock, systemClock, type Clock } from './clock';
export {
  Conflict,
  DomainError,
  Gone,
  IllegalTransition,
  InvalidCommand,
  NotFound,
  type Issue,
} from './errors';
export { fieldPath } from './zod-issues';
export { parseRequest } from './unknown-fields';
export { unstorableStrings } from './storable-strings';
export { ISO_DATE_TIME, isIsoDateTime, isoDateTime } from './iso-date-time';
export { fold, type Decider } from './decider';
