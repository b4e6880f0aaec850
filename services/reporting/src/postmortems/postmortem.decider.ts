import type { authoredSections, EventOf, postmortemContracts, postmortemScope } from '@hypercare/contracts';
import { Conflict, type Decider, IllegalTransition } from '@hypercare/domain-kit';
import type { z } from 'zod';

export const postmortemStream = (postmortemId: string): string => `postmortem-${postmortemId}`;

export type PostmortemScope = z.infer<typeof postmortemScope>;
export type AuthoredSections = z.infer<typeof authoredSections>;
export type PostmortemEvent = EventOf<(typeof postmortemContracts)[number]>;
export type PostmortemStatus = 'draft' | 'in-review' | 'published';

interface Acting {
  at: string;
  by: string;
}

export type PostmortemCommand = Acting &
  (
    | {
        kind: 'draft';
        postmortemId: string;
        periodId: string;
        title: string;
        scope: PostmortemScope;
        namesShown: boolean;
      }
    | { kind: 'edit'; sections: AuthoredSections }
    | { kind: 'request-review' }
    | { kind: 'return-to-draft'; reason: string }
    | { kind: 'publish'; position: number; digest: string }
  );

export type PostmortemState =
  | { status: 'none' }
  | {
      status: PostmortemStatus;
      postmortemId: string;
      periodId: string;
      scope: PostmortemScope;
      sections: AuthoredSections;
      /** Where the history stops for its generated sections once published. */
      published?: { position: number; digest: string; at: string };
      updatedAt: string;
    };

const ALLOWED: Record<PostmortemStatus, readonly PostmortemCommand['kind'][]> = {
  draft: ['edit', 'request-review'],
  'in-review': ['return-to-draft', 'publish'],
  published: [],
};

const EMPTY = { summary: '', rootCause: '', wentWell: [], wentBadly: [], actionItems: [] };

/**
 * A post-mortem's life: drafted (its scope fixed), edited as a whole while a draft, put up for
 * review (no more edits), sent back to draft or published; published, it never changes again,
 * its generated sections pinned to the history up to the position recorded.
 */
export const postmortemDecider: Decider<PostmortemCommand, PostmortemEvent, PostmortemState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    const { at, by } = command;
    if (state.status === 'none') {
      if (command.kind !== 'draft')
        throw new IllegalTransition('post-mortem', command.kind, 'none', ['draft']);
      const { postmortemId, periodId, title, scope, namesShown } = command;
      return [
        {
          type: 'hypercare.postmortem.drafted.v1',
          data: { postmortemId, periodId, at, by, title, scope, namesShown },
        },
      ];
    }
    if (command.kind === 'draft') throw new Conflict(`post-mortem ${state.postmortemId} exists already`);
    if (!ALLOWED[state.status].includes(command.kind))
      throw new IllegalTransition('post-mortem', command.kind, state.status, ALLOWED[state.status]);
    const about = { postmortemId: state.postmortemId, periodId: state.periodId, at, by };
    switch (command.kind) {
      case 'edit':
        return [{ type: 'hypercare.postmortem.edited.v1', data: { ...command.sections, ...about } }];
      case 'request-review':
        return [{ type: 'hypercare.postmortem.review-requested.v1', data: about }];
      case 'return-to-draft':
        return [
          { type: 'hypercare.postmortem.returned-to-draft.v1', data: { ...about, reason: command.reason } },
        ];
      case 'publish':
        return [
          {
            type: 'hypercare.postmortem.published.v1',
            data: { ...about, position: command.position, digest: command.digest },
          },
        ];
    }
  },

  evolve(state, event) {
    const { at } = event.data;
    if (event.type === 'hypercare.postmortem.drafted.v1') {
      const { postmortemId, periodId, scope, title, namesShown } = event.data;
      return {
        status: 'draft',
        postmortemId,
        periodId,
        scope,
        sections: { ...EMPTY, title, namesShown },
        updatedAt: at,
      };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'hypercare.postmortem.edited.v1': {
        const { title, summary, rootCause, wentWell, wentBadly, actionItems, namesShown } = event.data;
        return {
          ...state,
          sections: { title, summary, rootCause, wentWell, wentBadly, actionItems, namesShown },
          updatedAt: at,
        };
      }
      case 'hypercare.postmortem.review-requested.v1':
        return { ...state, status: 'in-review', updatedAt: at };
      case 'hypercare.postmortem.returned-to-draft.v1':
        return { ...state, status: 'draft', updatedAt: at };
      case 'hypercare.postmortem.published.v1': {
        const { position, digest } = event.data;
        return { ...state, status: 'published', published: { position, digest, at }, updatedAt: at };
      }
    }
  },
};
