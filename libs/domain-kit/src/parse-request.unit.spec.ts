import { z } from 'zod';
import { IllegalTransition, InvalidCommand } from './errors';
import { parseRequest } from './unknown-fields';

const issuesOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidCommand) return error.issues;
    throw error;
  }
  throw new Error('expected an InvalidCommand');
};

const report = z.object({
  title: z.string(),
  reporter: z.object({ name: z.string(), email: z.string() }),
  steps: z.array(z.object({ text: z.string() })).default([]),
  target: z.union([z.object({ ticketId: z.string() }), z.object({ url: z.string() })]).optional(),
});

describe('parseRequest', () => {
  it('returns the parsed request when every field is known and valid', () => {
    expect(parseRequest(report, { title: 'x', reporter: { name: 'Ana', email: 'a@b.c' } })).toEqual({
      title: 'x',
      reporter: { name: 'Ana', email: 'a@b.c' },
      steps: [],
    });
  });

  it('names every unknown field, nested in objects, arrays and the union branch that matched', () => {
    const input = {
      title: 'x',
      tilte: 'typo',
      reporter: { name: 'Ana', email: 'a@b.c', emial: 'typo' },
      steps: [{ text: 'one' }, { text: 'two', txet: 'typo' }],
      target: { url: 'https://x', urll: 'typo' },
    };
    expect(issuesOf(() => parseRequest(report, input)).map(({ field }) => field)).toEqual([
      'tilte',
      'reporter.emial',
      'steps[1].txet',
      'target.urll',
    ]);
  });

  it("names fields that only an object's prototype knows, as JSON.parse makes them", () => {
    const input = JSON.parse(
      '{"title": "x", "reporter": {"name": "Ana", "email": "a@b.c"}, "constructor": 1, "__proto__": {}}',
    );
    expect(issuesOf(() => parseRequest(report, input)).map(({ field }) => field)).toEqual([
      'constructor',
      '__proto__',
    ]);
  });

  it('names invalid fields, unstorable strings and unknown fields together', () => {
    const issues = issuesOf(() =>
      parseRequest(report, { title: 'a\u0000b', reporter: { name: 'x\ud800' }, extra: true }),
    );
    expect(issues).toEqual([
      { field: 'reporter.email', message: 'Required' },
      { field: 'title', message: 'contains a NUL character, which cannot be stored' },
      {
        field: 'reporter.name',
        message: 'contains half of a surrogate pair (not a whole character), which cannot be stored',
      },
      { field: 'extra', message: 'unknown field (not part of this request; check its spelling)' },
    ]);
  });

  it('looks through defaults, refinements, pipes and records, and lets open objects be', () => {
    const schema = z
      .object({
        limit: z.coerce.number().default(5),
        tags: z
          .string()
          .transform((v) => v.split(','))
          .pipe(z.array(z.string())),
        labels: z.record(z.object({ colour: z.string() })),
        extra: z.object({}).passthrough(),
      })
      .refine(() => true);
    const input = { tags: 'a,b', labels: { bug: { colour: 'red', shade: 1 } }, extra: { any: 1 }, limt: 3 };
    expect(issuesOf(() => parseRequest(schema, input)).map(({ field }) => field)).toEqual([
      'labels.bug.shade',
      'limt',
    ]);
  });

  it('refuses a string that cannot be stored even where the schema takes any string', () => {
    expect(issuesOf(() => parseRequest(z.object({ text: z.string() }), { text: '\udc00' }))).toEqual([
      expect.objectContaining({ field: 'text' }),
    ]);
  });
});

describe('IllegalTransition.renamed', () => {
  it('names the refused command and the allowed ones as given, keeping the others', () => {
    const renamed = new IllegalTransition('ticket', 'provide-workaround', 'new', [
      'triage',
      'comment',
    ]).renamed({ 'provide-workaround': 'workaround', comment: 'comments' });
    expect([renamed.command, renamed.allowed, renamed.currentState]).toEqual([
      'workaround',
      ['triage', 'comments'],
      'new',
    ]);
  });
});
