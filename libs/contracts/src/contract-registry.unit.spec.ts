import { ContractRegistry } from './contract-registry';
import { exampleClosedV1, exampleReportedV1, exampleReportedV2, upcastReportedV1 } from './contracts.fixture';
import { defineEvent } from './event-contract';
import { ContractViolation, UnknownEventType } from './errors';
import { z } from 'zod';

const registry = () =>
  new ContractRegistry([exampleReportedV1, exampleReportedV2, exampleClosedV1], [upcastReportedV1]);

const violationOf = (call: () => unknown): ContractViolation => {
  try {
    call();
  } catch (error) {
    if (error instanceof ContractViolation) return error;
    throw error;
  }
  throw new Error('expected a ContractViolation');
};

describe('event contracts', () => {
  it('derive aggregate and version from the type name and refuse names outside the rule', () => {
    expect(exampleReportedV2).toMatchObject({ aggregate: 'example', version: 2 });
    expect(() =>
      defineEvent({ type: 'TicketOpened', topic: 't', summary: '', schema: z.object({}) }),
    ).toThrow(/hypercare\.<aggregate>/);
    expect(() =>
      defineEvent({ type: 'hypercare.ticket.opened.v0', topic: 't', summary: '', schema: z.object({}) }),
    ).toThrow();
  });

  it('validate data, returning it parsed with defaults', () => {
    const data = registry().validate(exampleReportedV2.type, {
      title: 'Login',
      reporter: { email: 'a@b.co' },
      affectedUsers: 3,
    });
    expect(data).toEqual({ title: 'Login', reporter: { email: 'a@b.co' }, affectedUsers: 3, steps: [] });
  });

  it('name every field that breaks the contract', () => {
    const violation = violationOf(() =>
      registry().validate(exampleReportedV2.type, {
        title: '',
        reporter: { email: 'nope' },
        affectedUsers: -1,
        steps: ['ok', ''],
      }),
    );
    expect(violation.issues.map((issue) => issue.path)).toEqual([
      'title',
      'reporter.email',
      'affectedUsers',
      'steps[1]',
    ]);
    expect(violation.message).toMatch(
      /^hypercare\.example\.reported\.v2 does not match its contract: title /,
    );
  });

  it('refuse a type nobody registered', () => {
    expect(() => registry().validate('hypercare.example.unknown.v1', {})).toThrow(UnknownEventType);
  });

  it('read a stored v1 event as v2 through its upcaster', () => {
    const stored = JSON.parse('{"title":"Export fails","reporter":"ana@example.com"}');
    expect(registry().upcast(exampleReportedV1.type, stored)).toEqual({
      type: exampleReportedV2.type,
      data: { title: 'Export fails', reporter: { email: 'ana@example.com' }, affectedUsers: 0, steps: [] },
    });
  });

  it('leave the newest version and types without upcasters as they are', () => {
    expect(registry().upcast(exampleClosedV1.type, { reason: 'fixed' })).toEqual({
      type: exampleClosedV1.type,
      data: { reason: 'fixed' },
    });
  });

  it('refuse stored data that breaks even its own old contract', () => {
    expect(() => registry().upcast(exampleReportedV1.type, { title: 'x', reporter: 'not-an-email' })).toThrow(
      ContractViolation,
    );
  });

  it('refuse upcasters across types, backwards in version, or registered twice', () => {
    expect(() =>
      registry().registerUpcaster({
        from: exampleReportedV1.type,
        to: exampleClosedV1.type,
        upcast: (d) => d,
      }),
    ).toThrow(/within one event type/);
    expect(() =>
      new ContractRegistry([exampleReportedV1, exampleReportedV2]).registerUpcaster({
        ...upcastReportedV1,
        from: exampleReportedV2.type,
        to: exampleReportedV1.type,
      }),
    ).toThrow(/newer version/);
    expect(() => registry().registerUpcaster(upcastReportedV1)).toThrow(/already has an upcaster/);
    expect(() => registry().register(exampleClosedV1)).toThrow(/registered twice/);
  });

  it('name the stored types that read as a current type: itself and the older versions upcast to it', () => {
    expect(registry().storedTypesOf([exampleReportedV2.type]).sort()).toEqual(
      [exampleReportedV1.type, exampleReportedV2.type].sort(),
    );
    expect(registry().storedTypesOf([exampleReportedV1.type])).toEqual([exampleReportedV1.type]);
    expect(registry().storedTypesOf(['internal.Happened'])).toEqual(['internal.Happened']);
  });

  it('narrow to some contracts, keeping the older versions that read as them and their upcasters', () => {
    const narrowed = registry().only([exampleReportedV2]);
    expect(
      narrowed
        .all()
        .map(({ type }) => type)
        .sort(),
    ).toEqual([exampleReportedV1.type, exampleReportedV2.type]);
    expect(narrowed.has(exampleClosedV1.type)).toBe(false);
    expect(narrowed.upcast(exampleReportedV1.type, { title: 'x', reporter: 'a@b.co' }).type).toBe(
      exampleReportedV2.type,
    );
  });

  it('refuse strings that cannot be stored, a NUL or a lone surrogate, naming where they are, and keep whole characters', () => {
    const bad = {
      title: 'abc\u0000def',
      reporter: { email: 'a@b.co', name: 'ab\ud800cd' },
      affectedUsers: 1,
      steps: ['fine', 'x\udc00'],
    };
    expect(violationOf(() => registry().validate(exampleReportedV2.type, bad)).issues).toEqual([
      { path: 'title', message: 'contains a NUL character, which cannot be stored' },
      {
        path: 'reporter.name',
        message: 'contains half of a surrogate pair (not a whole character), which cannot be stored',
      },
      {
        path: 'steps[1]',
        message: 'contains half of a surrogate pair (not a whole character), which cannot be stored',
      },
    ]);
    const emoji = { title: 'Export 📄 fails', reporter: { email: 'a@b.co' }, affectedUsers: 1 };
    expect(registry().validate(exampleReportedV2.type, emoji)).toMatchObject({ title: 'Export 📄 fails' });
  });
});
