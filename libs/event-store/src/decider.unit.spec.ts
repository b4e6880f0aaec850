import { tally, TallyClosed, type TallyCommand, type TallyEvent } from './counter.fixture';
import { fold } from './decider';
import { given } from '@hypercare/domain-kit/testing';

const spec = given(tally);
const added = (amount: number, total: number): TallyEvent => ({ type: 'Added', data: { amount, total } });

describe('the decider helpers, on a tally', () => {
  describe('when new', () => {
    it('records an addition', () =>
      spec()
        .when({ type: 'Add', amount: 3 })
        .then([added(3, 3)]));
    it('does nothing for a zero addition', () =>
      spec().when({ type: 'Add', amount: 0 }).thenNothingHappened());
  });

  describe('when it has additions', () => {
    it('adds on top of the folded total', () =>
      spec(added(3, 3), added(4, 7))
        .when({ type: 'Add', amount: 1 })
        .then([added(1, 8)]));
  });

  describe('when closed', () => {
    const closed: TallyEvent = { type: 'Closed', data: { total: 3 } };
    it('refuses additions', () =>
      spec(added(3, 3), closed)
        .when({ type: 'Add', amount: 1 } as TallyCommand)
        .thenThrows((error) => error instanceof TallyClosed));
  });

  it('fails a then() whose events differ, so a wrong decider cannot pass', () => {
    expect(() =>
      spec()
        .when({ type: 'Add', amount: 3 })
        .then([added(3, 4)]),
    ).toThrow();
    expect(() =>
      spec()
        .when({ type: 'Add', amount: 3 })
        .thenThrows(() => true),
    ).toThrow(/was accepted/);
    expect(() =>
      spec(added(3, 3), { type: 'Closed', data: { total: 3 } })
        .when({ type: 'Add', amount: 1 })
        .thenThrows((error) => error instanceof RangeError),
    ).toThrow(/refused, but not as expected: Error: the tally is closed/);
  });

  it('folds history from the initial state', () => {
    expect(fold(tally, [added(2, 2), added(5, 7)])).toEqual({ status: 'open', total: 7, additions: 2 });
  });
});
