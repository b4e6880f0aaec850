import { DomainError } from '@hypercare/domain-kit';

/** A command on a ticket whose period is closed: its tickets are business-as-usual support's now. */
export class PeriodClosed extends DomainError {
  readonly status = 409;
  readonly code = 'PERIOD_CLOSED';
  constructor(
    readonly command: string,
    readonly periodId: string,
  ) {
    super(
      `Cannot ${command} a ticket of period ${periodId}: the period is closed and its tickets are with business-as-usual support; only comments are taken`,
    );
    this.name = 'PeriodClosed';
  }
}
