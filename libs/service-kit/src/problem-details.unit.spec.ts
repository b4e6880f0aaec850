import { NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { Conflict, IllegalTransition, InvalidCommand, NotFound } from '@hypercare/domain-kit';
import { toProblem } from './problem-details';

/** Errors shaped like the event store's and the contracts' (the kit knows them by code only). */
const coded = (code: string, fields: object): Error => Object.assign(new Error(code), { code, ...fields });

describe('problem details (RFC 9457)', () => {
  it('names every bad field of an invalid request in a 400', () => {
    const { problem, internal } = toProblem(
      new InvalidCommand([
        { field: 'reporter.email', message: 'Invalid email' },
        { field: 'title', message: 'Required' },
      ]),
      '/periods/p/reports',
    );
    expect(internal).toBe(false);
    expect(problem).toMatchObject({
      type: 'https://hypercare.dev/problems/invalid-request',
      status: 400,
      instance: '/periods/p/reports',
      errors: [
        { field: 'reporter.email', message: 'Invalid email' },
        { field: 'title', message: 'Required' },
      ],
    });
  });

  it('answers an illegal transition with 409, the current state and the allowed commands', () => {
    const { problem } = toProblem(new IllegalTransition('ticket', 'resolve', 'new', ['triage', 'comment']));
    expect(problem).toMatchObject({
      status: 409,
      currentState: 'new',
      allowed: ['triage', 'comment'],
      detail: expect.stringContaining('Cannot resolve a ticket that is new'),
    });
  });

  it.each([
    [new NotFound('period', 'p-1'), 404, 'not-found'],
    [new Conflict('Idempotency-Key reused with another request'), 409, 'conflict'],
    [coded('EVENT_STORE.WRONG_EXPECTED_VERSION', { actualVersion: 4 }), 409, 'concurrent-change'],
    [
      coded('CONTRACT.VIOLATION', { issues: [{ path: 'title', message: 'Required' }] }),
      400,
      'invalid-request',
    ],
    [
      coded('EVENT_STORE.INVALID_ARGUMENT', { field: 'stream', problem: 'must not be empty' }),
      400,
      'invalid-request',
    ],
    [new NotFoundException('Cannot GET /nowhere'), 404, 'http-404'],
    [new PayloadTooLargeException(), 413, 'http-413'],
  ])('maps %p to %i', (error, status, slug) => {
    expect(toProblem(error).problem).toMatchObject({
      status,
      type: `https://hypercare.dev/problems/${slug}`,
    });
  });

  it('hides the internals of an unexpected failure and asks for it to be logged', () => {
    const { problem, internal } = toProblem(new Error('connection string postgres://secret@db'));
    expect(internal).toBe(true);
    expect(problem).toEqual({
      type: 'https://hypercare.dev/problems/internal-error',
      title: 'Internal error',
      status: 500,
      detail: 'The request failed on our side; it has been logged.',
    });
  });
});
