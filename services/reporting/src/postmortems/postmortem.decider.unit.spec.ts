import { given } from '@hypercare/domain-kit/testing';
import { Conflict, IllegalTransition } from '@hypercare/domain-kit';
import { postmortemDecider, type PostmortemEvent, postmortemStream } from './postmortem.decider';

const ID = '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d';
const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const about = (at: string) => ({ postmortemId: ID, periodId: PERIOD, at, by: 'ana@example.com' });
const drafted: PostmortemEvent = {
  type: 'hypercare.postmortem.drafted.v1',
  data: {
    ...about('2026-11-05T09:00:00.000Z'),
    title: 'Export outage',
    scope: { kind: 'period' },
    namesShown: false,
  },
};
const sections = {
  title: 'Export outage of 3 November',
  summary: 'Exports failed for two hours.',
  rootCause: 'A bad deploy.',
  wentWell: ['Detected by monitoring'],
  wentBadly: ['Acknowledged late'],
  actionItems: [
    {
      description: 'Alert earlier',
      ownerRole: 'technical-lead' as const,
      dueDate: '2026-12-01',
      status: 'open' as const,
    },
  ],
  namesShown: false,
};
const edited: PostmortemEvent = {
  type: 'hypercare.postmortem.edited.v1',
  data: { ...sections, ...about('2026-11-05T10:00:00.000Z') },
};
const inReview: PostmortemEvent = {
  type: 'hypercare.postmortem.review-requested.v1',
  data: about('2026-11-05T11:00:00.000Z'),
};
const published: PostmortemEvent = {
  type: 'hypercare.postmortem.published.v1',
  data: { ...about('2026-11-05T12:00:00.000Z'), position: 42, digest: 'ab'.repeat(32) },
};
const spec = given(postmortemDecider);
const at = '2026-11-06T08:00:00.000Z';
const by = 'ana@example.com';
const refusedAs = (status: string, allowed: string[]) => (error: unknown) =>
  error instanceof IllegalTransition &&
  error.currentState === status &&
  error.allowed.join() === allowed.join();

describe('a post-mortem', () => {
  it('is drafted once, with its scope', () => {
    spec()
      .when({
        kind: 'draft',
        postmortemId: ID,
        periodId: PERIOD,
        title: 'Export outage',
        scope: { kind: 'period' },
        namesShown: false,
        at: drafted.data.at,
        by,
      })
      .then([drafted]);
    spec(drafted)
      .when({
        kind: 'draft',
        postmortemId: ID,
        periodId: PERIOD,
        title: 'Again',
        scope: { kind: 'period' },
        namesShown: false,
        at,
        by,
      })
      .thenThrows((error) => error instanceof Conflict);
  });

  it('takes its authored sections whole while a draft', () =>
    spec(drafted).when({ kind: 'edit', sections, at: edited.data.at, by }).then([edited]));

  it('is put up for review from a draft, in a stream of its own', () => {
    spec(drafted, edited).when({ kind: 'request-review', at: inReview.data.at, by }).then([inReview]);
    expect(postmortemStream(ID)).toBe(`postmortem-${ID}`);
  });

  it('is no longer edited once up for review: it goes back to draft, or is published', () => {
    spec(drafted, edited, inReview)
      .when({ kind: 'edit', sections, at, by })
      .thenThrows(refusedAs('in-review', ['return-to-draft', 'publish']));
    spec(drafted, edited, inReview)
      .when({ kind: 'return-to-draft', reason: 'The root cause is a guess', at, by })
      .then([
        {
          type: 'hypercare.postmortem.returned-to-draft.v1',
          data: { ...about(at), reason: 'The root cause is a guess' },
        },
      ]);
    spec(drafted, inReview)
      .when({ kind: 'publish', position: 42, digest: 'ab'.repeat(32), at: published.data.at, by })
      .then([published]);
  });

  it('is not published from a draft, and never changes once published', () => {
    spec(drafted)
      .when({ kind: 'publish', position: 1, digest: 'ab'.repeat(32), at, by })
      .thenThrows(refusedAs('draft', ['edit', 'request-review']));
    spec(drafted, inReview, published)
      .when({ kind: 'edit', sections, at, by })
      .thenThrows(refusedAs('published', []));
    spec(drafted, inReview, published)
      .when({ kind: 'return-to-draft', reason: 'No', at, by })
      .thenThrows(refusedAs('published', []));
  });

  it('is nothing but a draft to start with', () =>
    spec()
      .when({ kind: 'edit', sections, at, by })
      .thenThrows(refusedAs('none', ['draft'])));
});
