import { IllegalTransition, NotFound } from '@hypercare/domain-kit';
import { given } from '@hypercare/event-store/testing';
import { type ArticleCommand, articleDecider, type ArticleEvent } from './article.decider';

const ARTICLE = '2d4f6a8c-0e1a-4b3c-9d5e-7f9a1b3c5d7e';
const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const TICKET = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const act = (at: string) => ({ articleId: ARTICLE, periodId: PERIOD, by: 'Priya PM', at });
const content = {
  kind: 'workaround' as const,
  title: 'Post journals through the legacy screen',
  body: 'Until the fix ships, use **Journals > Legacy post**.',
  ticketIds: [TICKET],
};
const T0 = '2031-05-05T10:00:00.000Z';
const T1 = '2031-05-05T11:00:00.000Z';

const drafted: ArticleEvent = {
  type: 'hypercare.article.drafted.v1',
  data: { ...act(T0), ...content, proposedFrom: TICKET },
};
const published: ArticleEvent = { type: 'hypercare.article.published.v1', data: act(T1) };
const retired: ArticleEvent = {
  type: 'hypercare.article.retired.v1',
  data: { ...act(T1), reason: 'Fixed in release 2.3' },
};
const command = <K extends ArticleCommand['kind']>(kind: K, extra: object = {}) =>
  ({ kind, ...act(T1), ...extra }) as ArticleCommand;
const refusedAs = (currentState: string, allowed: string[]) => (error: unknown) =>
  error instanceof IllegalTransition &&
  error.currentState === currentState &&
  error.allowed.join() === allowed.join();
const spec = given(articleDecider);

describe('knowledge article', () => {
  it('is drafted with its content and the ticket it was proposed from', () => {
    spec()
      .when({ kind: 'draft', ...act(T0), content, proposedFrom: TICKET })
      .then([drafted]);
  });

  it('is drafted once: the same proposal again (a redelivery) records nothing', () => {
    spec(drafted)
      .when({ kind: 'draft', ...act(T0), content, proposedFrom: TICKET })
      .thenNothingHappened();
  });

  it('is revised with its whole new content, and a revision changing nothing records nothing', () => {
    const revised = { ...content, title: 'Post journals through Legacy post' };
    spec(drafted)
      .when(command('revise', { content: revised }))
      .then([{ type: 'hypercare.article.revised.v1', data: { ...act(T1), ...revised } }]);
    spec(drafted).when(command('revise', { content })).thenNothingHappened();
  });

  it('is published from a draft, once', () => {
    spec(drafted).when(command('publish')).then([published]);
    spec(drafted, published)
      .when(command('publish'))
      .thenThrows(refusedAs('published', ['revise', 'retire']));
  });

  it('is retired with its reason, once; a retired article is neither revised nor published', () => {
    spec(drafted, published)
      .when(command('retire', { reason: 'Fixed in release 2.3' }))
      .then([retired]);
    for (const kind of ['retire', 'publish', 'revise'] as const)
      spec(drafted, published, retired)
        .when(command(kind, { reason: 'x', content }))
        .thenThrows(refusedAs('retired', []));
  });

  it('is not found before it is drafted, nor in another period', () => {
    spec()
      .when(command('publish'))
      .thenThrows((error) => error instanceof NotFound);
    spec(drafted)
      .when({ ...command('publish'), periodId: '6c1f4d2e-9e3b-4d7f-8a21-3b4c5d6e7f80' })
      .thenThrows((error) => error instanceof NotFound);
  });
});
