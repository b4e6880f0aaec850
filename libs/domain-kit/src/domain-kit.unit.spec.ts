import { z } from 'zod';
import { ManualClock } from './clock';
import { IllegalTransition, InvalidCommand } from './errors';
import { parseOrThrow } from './zod-issues';

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

  it('parse input or throw InvalidCommand with the path of each bad field', () => {
    const schema = z.object({
      reporter: z.object({ email: z.string().email() }),
      steps: z.array(z.string().min(1)),
    });
    expect(parseOrThrow(schema, { reporter: { email: 'ana@example.com' }, steps: ['open'] })).toEqual({
      reporter: { email: 'ana@example.com' },
      steps: ['open'],
    });
    try {
      parseOrThrow(schema, { reporter: { email: 'nope' }, steps: ['ok', ''] }, 'body');
      throw new Error('accepted invalid input');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidCommand);
      expect((error as InvalidCommand).issues.map((issue) => issue.field)).toEqual([
        'body.reporter.email',
        'body.steps[1]',
      ]);
    }
  });
});
