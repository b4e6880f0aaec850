import type { EventOf, QuestionRef, trainingNeedContracts } from '@hypercare/contracts';
import { IllegalTransition, NotFound } from '@hypercare/domain-kit';
import type { Decider } from '@hypercare/event-store';
import { v5 as nameBasedUuid } from 'uuid';

const NEED_NAMESPACE = '8b3d5f7a-1c2e-4a6b-9d0f-2e4a6c8e0b1d';

/** A need is named by its period and its first question, so two detections of it agree. */
export const needIdOf = (periodId: string, firstItemId: string): string =>
  nameBasedUuid(`${periodId}/${firstItemId}`, NEED_NAMESPACE);
export const needStream = (needId: string): string => `training-need-${needId}`;

interface Act {
  needId: string;
  periodId: string;
  at: string;
}

export type TrainingNeedCommand =
  | (Act & { kind: 'identify'; items: QuestionRef[]; topTerms: string[] })
  | (Act & {
      kind: 'address';
      by: string;
      articleId?: string;
      session?: { title: string; date: string; audience: string };
    })
  | (Act & { kind: 'close'; by: string });

export type TrainingNeedEvent = EventOf<(typeof trainingNeedContracts)[number]>;
export type NeedStatus = 'identified' | 'addressed' | 'closed';
export type TrainingNeedState =
  { status: 'none' } | { status: NeedStatus; periodId: string; items: string[] };

const ALLOWED: Record<NeedStatus, string[]> = {
  identified: ['address'],
  addressed: ['address', 'close'],
  closed: [],
};

/**
 * A training need: identified when a question recurs, growing as more of it comes, addressed
 * by an article or a training session (one or more), then closed. Questions joining a closed
 * need are left for a need of their own.
 */
export const trainingNeedDecider: Decider<TrainingNeedCommand, TrainingNeedEvent, TrainingNeedState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    const ref = { needId: command.needId, periodId: command.periodId, at: command.at };
    if (command.kind === 'identify') {
      if (state.status === 'none')
        return [
          {
            type: 'hypercare.training-need.identified.v1',
            data: { ...ref, items: command.items, topTerms: command.topTerms },
          },
        ];
      const known = new Set(state.items);
      const joined = command.items.filter(({ id }) => !known.has(id));
      if (state.status === 'closed' || !joined.length) return [];
      return [
        {
          type: 'hypercare.training-need.grew.v1',
          data: { ...ref, items: joined, topTerms: command.topTerms },
        },
      ];
    }
    if (state.status === 'none' || state.periodId !== command.periodId)
      throw new NotFound('training need', command.needId);
    if (!ALLOWED[state.status].includes(command.kind))
      throw new IllegalTransition('training need', command.kind, state.status, ALLOWED[state.status]);
    if (command.kind === 'close')
      return [{ type: 'hypercare.training-need.closed.v1', data: { ...ref, by: command.by } }];
    const answer = command.articleId ? { articleId: command.articleId } : { session: command.session };
    return [{ type: 'hypercare.training-need.addressed.v1', data: { ...ref, ...answer, by: command.by } }];
  },
  evolve(state, event) {
    switch (event.type) {
      case 'hypercare.training-need.identified.v1':
        return {
          status: 'identified',
          periodId: event.data.periodId,
          items: event.data.items.map(({ id }) => id),
        };
      case 'hypercare.training-need.grew.v1':
        return state.status === 'none'
          ? state
          : { ...state, items: [...state.items, ...event.data.items.map(({ id }) => id)] };
      case 'hypercare.training-need.addressed.v1':
        return state.status === 'none' ? state : { ...state, status: 'addressed' };
      case 'hypercare.training-need.closed.v1':
        return state.status === 'none' ? state : { ...state, status: 'closed' };
    }
  },
};
