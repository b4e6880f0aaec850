/** One field that does not match its contract. */
export interface ContractIssue {
  /** Dotted path inside the event data, e.g. `reporter.email` or `steps[2]`. */
  path: string;
  message: string;
}

/** Event data that does not match the schema of its type; nothing may be appended or published. */
export class ContractViolation extends Error {
  readonly code = 'CONTRACT.VIOLATION';
  constructor(
    readonly eventType: string,
    readonly issues: ContractIssue[],
  ) {
    super(
      `${eventType} does not match its contract: ${issues.map((issue) => `${issue.path || '(data)'} ${issue.message}`).join('; ')}`,
    );
    this.name = 'ContractViolation';
  }
}

/** An event type no contract is registered for. */
export class UnknownEventType extends Error {
  readonly code = 'CONTRACT.UNKNOWN_TYPE';
  constructor(readonly eventType: string) {
    super(`No contract is registered for event type "${eventType}"`);
    this.name = 'UnknownEventType';
  }
}
