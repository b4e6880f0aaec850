import { ManualClock } from './clock';
import { IllegalTransition, InvalidCommand } from './errors';

describe('ManualClock', () => {
  it('stands still until set or advanced, and hands out copies', () => {
    const clock = new ManualClock(new Date('2026-11-23T10:00:00.000Z'));
    const seen = clock.now();
    seen.setFullYear(2000);
    expect(clock.now().toISOString()).toBe('2026-11-23T10:00:00.000Z');
    clock.advance(15 * 60_000);
    expect(clock.now().toISOString()).toBe('2026-11-23T10:15:00.000Z');
    clock.set(new Date('2026-12-01T00:00:00.000Z'));
    expect(clock.now().toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(() => clock.set(new Date('not a date'))).toThrow(/valid date/);
  });
});

describe('domain errors', () => {
  it('name every invalid field in the message', () => {
    const error = new InvalidCommand([
      { field: 'title', message: 'Required' },
      { field: '', message: 'Body must be an object' },
    ]);
    expect(error.message).toBe('Invalid request: title: Required; Body must be an object');
    expect(error.status).toBe(400);
  });

  it('say the current state and what is allowed when a transition is illegal', () => {
    expect(new IllegalTransition('ticket', 'close', 'new', ['triage']).message).toBe(
      'Cannot close a ticket that is new; allowed now: triage',
    );
    expect(new IllegalTransition('period', 'activate', 'closed', []).message).toMatch(
      /allowed now: nothing$/,
    );
  });
});
