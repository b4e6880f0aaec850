import { InvalidCommand } from '@hypercare/domain-kit';
import { given } from '@hypercare/event-store/testing';
import { type CriterionResult, exitDecider, type ExitEvent } from './exit.decider';

const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const T1 = '2031-05-06T09:00:00.000Z';
const T2 = '2031-05-07T09:00:00.000Z';
const spec = given(exitDecider);

const noP1 = (value: number): CriterionResult => ({
  criterion: 'No open P1',
  metric: 'open-tickets',
  comparator: '=',
  target: 0,
  value,
  met: value === 0,
});
const sla = (value: number | null): CriterionResult => ({
  criterion: 'SLA',
  metric: 'sla-compliance',
  comparator: '>=',
  target: 90,
  value,
  met: value !== null && value >= 90,
});
const signed: CriterionResult = {
  criterion: 'Runbook signed',
  metric: 'manual',
  comparator: '=',
  target: 1,
  value: null,
};
const crossing = (
  met: boolean,
  { criterion, metric, comparator, target, value }: CriterionResult,
  at: string,
): ExitEvent => ({
  type: met ? 'hypercare.exit.criterion-met.v1' : 'hypercare.exit.criterion-unmet.v1',
  data: { periodId: PERIOD, criterion, metric, comparator, target, value, at },
});
const evaluate = (at: string, ...results: CriterionResult[]) =>
  ({ kind: 'evaluate', periodId: PERIOD, at, results }) as const;
const ready = (at: string, ...criteria: string[]): ExitEvent => ({
  type: 'hypercare.exit.ready.v1',
  data: { periodId: PERIOD, at, criteria },
});
const check = (met: boolean, criterion = 'Runbook signed', manual = true) =>
  ({
    kind: 'check',
    periodId: PERIOD,
    at: T1,
    criterion,
    manual,
    met,
    note: 'Signed by ops',
    by: 'Lee Lead',
  }) as const;
const checked = (met: boolean): ExitEvent => ({
  type: 'hypercare.exit.criterion-checked.v1',
  data: { periodId: PERIOD, at: T1, criterion: 'Runbook signed', met, note: 'Signed by ops', by: 'Lee Lead' },
});

describe('exit evaluation', () => {
  it('records every criterion at its first evaluation, met or not', () =>
    spec()
      .when(evaluate(T1, noP1(2), sla(95)))
      .then([crossing(false, noP1(2), T1), crossing(true, sla(95), T1)]));

  it('records nothing while no criterion flips, whatever the figures do', () =>
    spec(crossing(false, noP1(2), T1), crossing(true, sla(95), T1))
      .when(evaluate(T2, noP1(1), sla(91)))
      .thenNothingHappened());

  it('records the flip and the readiness once every criterion is met', () =>
    spec(crossing(false, noP1(1), T1), crossing(true, sla(95), T1))
      .when(evaluate(T2, noP1(0), sla(95)))
      .then([crossing(true, noP1(0), T2), ready(T2, 'No open P1', 'SLA')]));

  it('takes readiness back when a met criterion is unmet again (a reopened P1)', () =>
    spec(crossing(true, noP1(0), T1), crossing(true, sla(95), T1), ready(T1, 'No open P1', 'SLA'))
      .when(evaluate(T2, noP1(1), sla(95)))
      .then([
        crossing(false, noP1(1), T2),
        { type: 'hypercare.exit.not-ready.v1', data: { periodId: PERIOD, at: T2, unmet: ['No open P1'] } },
      ]));

  it('counts a metric with no data yet as not met', () =>
    spec()
      .when(evaluate(T1, sla(null)))
      .then([crossing(false, sla(null), T1)]));

  it('never calls a period without criteria ready', () => spec().when(evaluate(T1)).thenNothingHappened());

  it('holds a manual criterion unmet until a lead checks it', () =>
    spec()
      .when(evaluate(T1, signed))
      .then([crossing(false, signed, T1)]));

  it('meets a manual criterion as checked, and the period with it', () =>
    spec(crossing(false, signed, T1), checked(true))
      .when(evaluate(T2, signed, noP1(0)))
      .then([
        crossing(true, signed, T2),
        crossing(true, noP1(0), T2),
        ready(T2, 'Runbook signed', 'No open P1'),
      ]));

  it('records a check of a manual criterion with its note', () =>
    spec()
      .when(check(true))
      .then([checked(true)]));

  it('refuses to check by hand a criterion measured from the figures', () =>
    spec()
      .when(check(true, 'No open P1', false))
      .thenThrows((error) => error instanceof InvalidCommand && /measured/.test(error.message)));
});
