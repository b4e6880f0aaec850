import { Parser } from '@asyncapi/parser';
import { asyncApiDocument } from './asyncapi';
import { EXIT_TOPIC, HANDOFF_TOPIC, hypercareContracts, TOPIC_PUBLISHERS } from './hypercare';

/** The platform's whole AsyncAPI document, as BAU consumers get it, read by the AsyncAPI initiative's own parser. */
describe("the platform's AsyncAPI document", () => {
  const registry = hypercareContracts();
  const document = asyncApiDocument(registry, {
    title: 'Hypercare events',
    version: '1',
    publishers: TOPIC_PUBLISHERS,
  });

  it('parses without an error or a warning', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
    const problems = diagnostics
      .filter(({ severity }) => severity <= 1)
      .map(({ code, message, path }) => `${code} at ${path.join('.')}: ${message}`);
    expect(problems).toEqual([]);
    expect(parsed?.channels().length).toBe(Object.keys(document.channels).length);
  });

  it('gives every event an example its own contract accepts, with the headers of its publisher', () => {
    const refused = registry.all().flatMap((contract) => {
      const [example] = document.components.messages[contract.type]?.examples ?? [];
      const checked = contract.schema.safeParse(example?.payload);
      return checked.success ? [] : [`${contract.type}: ${checked.error.issues[0]?.message}`];
    });
    expect(refused).toEqual([]);
    expect(
      document.components.messages['hypercare.handoff.completed.v1']?.examples[0]?.headers,
    ).toMatchObject({
      ce_type: 'hypercare.handoff.completed.v1',
      ce_source: '/hypercare/reporting',
    });
    expect(Object.keys(TOPIC_PUBLISHERS).sort()).toEqual(Object.keys(document.channels).sort());
  });

  it('covers the exit and handoff topics with every one of their events', () => {
    expect(Object.keys(document.channels[HANDOFF_TOPIC]?.messages ?? {})).toEqual(
      expect.arrayContaining([
        'hypercare.handoff.started.v1',
        'hypercare.handoff.open-ticket.v1',
        'hypercare.handoff.exit.v1',
        'hypercare.handoff.completed.v1',
      ]),
    );
    expect(Object.keys(document.channels[EXIT_TOPIC]?.messages ?? {})).toHaveLength(5);
  });
});
