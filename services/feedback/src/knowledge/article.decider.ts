import { isDeepStrictEqual } from 'node:util';
import type { ArticleKind, EventOf, knowledgeContracts } from '@hypercare/contracts';
import { IllegalTransition, NotFound } from '@hypercare/domain-kit';
import type { Decider } from '@hypercare/event-store';

export const articleStream = (articleId: string): string => `article-${articleId}`;

/** What an article says: the part a draft sets and a revision replaces. */
export interface ArticleContent {
  kind: ArticleKind;
  title: string;
  body: string;
  ticketIds: string[];
}

interface Act {
  articleId: string;
  periodId: string;
  by: string;
  at: string;
}

export type ArticleCommand =
  | (Act & { kind: 'draft'; content: ArticleContent; proposedFrom?: string })
  | (Act & { kind: 'revise'; content: ArticleContent })
  | (Act & { kind: 'publish' })
  | (Act & { kind: 'retire'; reason: string });

export type ArticleEvent = EventOf<(typeof knowledgeContracts)[number]>;
export type ArticleStatus = 'draft' | 'published' | 'retired';
export type ArticleState =
  { status: 'none' } | { status: ArticleStatus; periodId: string; content: ArticleContent };

const ALLOWED: Record<ArticleStatus, string[]> = {
  draft: ['revise', 'publish', 'retire'],
  published: ['revise', 'retire'],
  retired: [],
};

/**
 * A knowledge article: drafted (by hand, or proposed from a ticket; the same draft again
 * records nothing), revised while it applies, published once, retired once.
 */
export const articleDecider: Decider<ArticleCommand, ArticleEvent, ArticleState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    const ref = { articleId: command.articleId, periodId: command.periodId, by: command.by, at: command.at };
    if (command.kind === 'draft') {
      if (state.status !== 'none') return [];
      const proposed = command.proposedFrom ? { proposedFrom: command.proposedFrom } : {};
      return [{ type: 'hypercare.article.drafted.v1', data: { ...ref, ...command.content, ...proposed } }];
    }
    if (state.status === 'none' || state.periodId !== command.periodId)
      throw new NotFound('article', command.articleId);
    if (!ALLOWED[state.status].includes(command.kind))
      throw new IllegalTransition('article', command.kind, state.status, ALLOWED[state.status]);
    switch (command.kind) {
      case 'revise':
        return isDeepStrictEqual(state.content, command.content)
          ? []
          : [{ type: 'hypercare.article.revised.v1', data: { ...ref, ...command.content } }];
      case 'publish':
        return [{ type: 'hypercare.article.published.v1', data: ref }];
      case 'retire':
        return [{ type: 'hypercare.article.retired.v1', data: { ...ref, reason: command.reason } }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'hypercare.article.drafted.v1':
      case 'hypercare.article.revised.v1': {
        const { kind, title, body, ticketIds, periodId } = event.data;
        const status = state.status === 'none' ? 'draft' : state.status;
        return { status, periodId, content: { kind, title, body, ticketIds } };
      }
      case 'hypercare.article.published.v1':
        return state.status === 'none' ? state : { ...state, status: 'published' };
      case 'hypercare.article.retired.v1':
        return state.status === 'none' ? state : { ...state, status: 'retired' };
    }
  },
};
