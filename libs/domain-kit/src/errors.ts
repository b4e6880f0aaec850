/** One thing wrong with a request, named by where it is (`roster[2].email`) and what is wrong. */
export interface Issue {
  field: string;
  message: string;
}

/** A failure the caller caused; services turn it into an RFC 9457 problem response. */
export abstract class DomainError extends Error {
  abstract readonly status: 400 | 404 | 409 | 410 | 422;
  abstract readonly code: string;
}

/** The command is malformed or breaks a rule of the domain; names every problem. */
export class InvalidCommand extends DomainError {
  readonly status = 400;
  readonly code = 'INVALID_COMMAND';
  constructor(readonly issues: Issue[]) {
    super(
      `Invalid request: ${issues.map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message)).join('; ')}`,
    );
    this.name = 'InvalidCommand';
  }
}

export class NotFound extends DomainError {
  readonly status = 404;
  readonly code = 'NOT_FOUND';
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super(`${kind} ${id} does not exist`);
    this.name = 'NotFound';
  }
}

/** The command is not allowed in the aggregate's current state; says which commands are. */
export class IllegalTransition extends DomainError {
  readonly status = 409;
  readonly code = 'ILLEGAL_TRANSITION';
  constructor(
    readonly kind: string,
    readonly command: string,
    readonly currentState: string,
    readonly allowed: readonly string[],
  ) {
    super(
      `Cannot ${command} a ${kind} that is ${currentState}; allowed now: ${allowed.length ? allowed.join(', ') : 'nothing'}`,
    );
    this.name = 'IllegalTransition';
  }

  /** The same refusal with commands named as `names` says (e.g. by the routes a client calls); others kept. */
  renamed(names: Readonly<Record<string, string>>): IllegalTransition {
    const name = (command: string): string => names[command] ?? command;
    return new IllegalTransition(this.kind, name(this.command), this.currentState, this.allowed.map(name));
  }
}

/** What the request names existed but can no longer be used (e.g. an expired link). */
export class Gone extends DomainError {
  readonly status = 410;
  readonly code = 'GONE';
  constructor(message: string) {
    super(message);
    this.name = 'Gone';
  }
}

/** The request conflicts with what exists (e.g. the same id reused for something else). */
export class Conflict extends DomainError {
  readonly status = 409;
  readonly code = 'CONFLICT';
  constructor(message: string) {
    super(message);
    this.name = 'Conflict';
  }
}
