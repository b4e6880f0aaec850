export { Backoff, pause } from './backoff';
export { ManualClock, systemClock, type Clock } from './clock';
export { Conflict, DomainError, IllegalTransition, InvalidCommand, NotFound, type Issue } from './errors';
export { fieldPath, issuesOf, parseOrThrow } from './zod-issues';
export { parseRequest, unknownFields } from './unknown-fields';
export { unstorableStrings } from './storable-strings';
