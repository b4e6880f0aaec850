import type { EventOf, FeedbackKind, feedbackItemContracts } from '@hypercare/contracts';
import { Conflict, NotFound } from '@hypercare/domain-kit';
import type { Decider } from '@hypercare/event-store';

export const feedbackStream = (feedbackId: string): string => `feedback-${feedbackId}`;

export type FeedbackCommand =
  | {
      kind: 'submit';
      feedbackId: string;
      periodId: string;
      feedbackKind: FeedbackKind;
      text: string;
      ticketIds: string[];
      author: { subject: string; name: string };
      at: string;
    }
  | { kind: 'defer'; feedbackId: string; periodId: string; title?: string; by: string; at: string };

export type FeedbackEvent = EventOf<(typeof feedbackItemContracts)[number]>;

export type FeedbackState =
  | { status: 'none' }
  | {
      status: 'submitted' | 'deferred';
      periodId: string;
      feedbackKind: FeedbackKind;
      /** What was said, to tell a retry from other feedback sent under the same idempotency key. */
      said: string;
      text: string;
      deferredAt?: string;
    };

const TITLE_LENGTH = 120;

/** A backlog title from the text when none is given: its first line, cut at a word. */
const titleOf = (text: string): string => {
  const line = (text.split('\n')[0] ?? text).trim();
  if (line.length <= TITLE_LENGTH) return line;
  const cut = line.slice(0, TITLE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${space > TITLE_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
};

const said = (item: { kind: FeedbackKind; text: string; ticketIds: readonly string[] }): string =>
  JSON.stringify([item.kind, item.text, item.ticketIds]);

/**
 * A free feedback item: submitted once (the same submission again, a retry, records nothing;
 * other feedback under its id is refused), and, when it is a suggestion, deferred to the
 * enhancement backlog once.
 */
export const feedbackItemDecider: Decider<FeedbackCommand, FeedbackEvent, FeedbackState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    if (command.kind === 'submit') {
      const { kind: _kind, feedbackKind, at, ...item } = command;
      if (state.status !== 'none') {
        if (state.said === said({ ...item, kind: feedbackKind })) return [];
        throw new Conflict(
          'This Idempotency-Key was used for other feedback; send new feedback with a new key',
        );
      }
      return [
        { type: 'hypercare.feedback.submitted.v1', data: { ...item, kind: feedbackKind, submittedAt: at } },
      ];
    }
    if (state.status === 'none' || state.periodId !== command.periodId)
      throw new NotFound('feedback', command.feedbackId);
    if (state.feedbackKind !== 'suggestion')
      throw new Conflict(
        `Only a suggestion goes to the enhancement backlog; this feedback is a ${state.feedbackKind}`,
      );
    if (state.status === 'deferred')
      throw new Conflict(`This suggestion went to the enhancement backlog at ${state.deferredAt}`);
    const { feedbackId, periodId, by, at } = command;
    return [
      {
        type: 'hypercare.feedback.deferred-to-backlog.v1',
        data: { feedbackId, periodId, title: command.title ?? titleOf(state.text), by, at },
      },
    ];
  },
  evolve(state, event) {
    if (event.type === 'hypercare.feedback.submitted.v1')
      return {
        status: 'submitted',
        periodId: event.data.periodId,
        feedbackKind: event.data.kind,
        said: said(event.data),
        text: event.data.text,
      };
    return state.status === 'none' ? state : { ...state, status: 'deferred', deferredAt: event.data.at };
  },
};
