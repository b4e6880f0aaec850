/** Base of the event store's errors; `code` is stable for mapping to API responses. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/** The stream's version is not what the writer expected; nothing was written. */
export class WrongExpectedVersion extends EventStoreError {
  readonly code = 'EVENT_STORE.WRONG_EXPECTED_VERSION';
  constructor(
    readonly stream: string,
    readonly expectedVersion: string | number,
    /** The stream's version when the append was refused; -1 when it does not exist. */
    readonly actualVersion: number,
  ) {
    super(
      `Wrong expected version for stream "${stream}": expected ${expectedVersion}, actual ${actualVersion}`,
    );
    this.name = 'WrongExpectedVersion';
  }
}

/** The call's arguments are malformed; `field` names the offending one. Nothing was written. */
export class InvalidEventStoreArgument extends EventStoreError {
  readonly code = 'EVENT_STORE.INVALID_ARGUMENT';
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field} ${problem}`);
    this.name = 'InvalidEventStoreArgument';
  }
}

/**
 * Some of an append's event ids are already stored, but not all of them as this very
 * append: a retry that changed its events, or ids reused across appends. Nothing was written.
 */
export class EventIdConflict extends EventStoreError {
  readonly code = 'EVENT_STORE.EVENT_ID_CONFLICT';
  constructor(
    readonly stream: string,
    readonly eventIds: string[],
  ) {
    super(`Event ids already stored elsewhere, append to "${stream}" refused: ${eventIds.join(', ')}`);
    this.name = 'EventIdConflict';
  }
}

/** A stream holds an event its reader does not know: history and code disagree, nothing is decided on it. */
export class UnexpectedEvent extends EventStoreError {
  readonly code = 'EVENT_STORE.UNEXPECTED_EVENT';
  constructor(
    readonly stream: string,
    readonly version: number,
    readonly type: string,
  ) {
    super(`Stream "${stream}" holds ${type} at version ${version}, which its reader does not know`);
    this.name = 'UnexpectedEvent';
  }
}
