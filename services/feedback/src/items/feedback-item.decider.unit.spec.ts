import { Conflict, NotFound } from '@hypercare/domain-kit';
import { given } from '@hypercare/event-store/testing';
import { type FeedbackCommand, type FeedbackEvent, feedbackItemDecider } from './feedback-item.decider';

const ITEM = '4a1b2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const TICKET = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const author = { subject: 'oidc:ana', name: 'Ana Ruiz' };
const T0 = '2031-05-05T10:00:00.000Z';
const T1 = '2031-05-06T09:00:00.000Z';

const submit = (feedbackKind: 'suggestion' | 'complaint' = 'suggestion'): FeedbackCommand => ({
  kind: 'submit',
  feedbackId: ITEM,
  periodId: PERIOD,
  feedbackKind,
  text: 'Let approvers approve from the e-mail',
  ticketIds: [TICKET],
  author,
  at: T0,
});
const submitted = (kind: 'suggestion' | 'complaint' = 'suggestion'): FeedbackEvent => ({
  type: 'hypercare.feedback.submitted.v1',
  data: {
    feedbackId: ITEM,
    periodId: PERIOD,
    kind,
    text: 'Let approvers approve from the e-mail',
    ticketIds: [TICKET],
    author,
    submittedAt: T0,
  },
});
const defer: FeedbackCommand = {
  kind: 'defer',
  feedbackId: ITEM,
  periodId: PERIOD,
  title: 'Approve from e-mail',
  by: 'priya@example.com',
  at: T1,
};
const deferred: FeedbackEvent = {
  type: 'hypercare.feedback.deferred-to-backlog.v1',
  data: { feedbackId: ITEM, periodId: PERIOD, title: 'Approve from e-mail', by: 'priya@example.com', at: T1 },
};
const spec = given(feedbackItemDecider);

describe('feedback item', () => {
  it('is submitted with its kind, text, tickets and author', () => {
    spec().when(submit()).then([submitted()]);
  });

  it('is submitted once: a retry records nothing', () => {
    spec(submitted()).when(submit()).thenNothingHappened();
  });

  it('refuses other feedback under the id of one submitted (an Idempotency-Key reused)', () => {
    spec(submitted())
      .when({ ...submit(), text: 'Something else' } as FeedbackCommand)
      .thenThrows(
        (error) =>
          error instanceof Conflict && /Idempotency-Key was used for other feedback/.test(error.message),
      );
  });

  it('goes to the enhancement backlog when it is a suggestion', () => {
    spec(submitted()).when(defer).then([deferred]);
  });

  it('takes the first line of the text as the backlog title when none is given, cut at a word', () => {
    const long = `Let approvers approve purchase orders straight from the notification e-mail, without signing in to the supplier portal first, as the old system did\nDetails follow`;
    const event = submitted();
    const untitled = { ...defer, title: undefined };
    spec({ ...event, data: { ...event.data, text: long } } as FeedbackEvent)
      .when(untitled)
      .then([
        {
          ...deferred,
          data: {
            ...deferred.data,
            title:
              'Let approvers approve purchase orders straight from the notification e-mail, without signing in to the supplier portal…',
          },
        } as FeedbackEvent,
      ]);
    spec(submitted())
      .when(untitled)
      .then([
        {
          ...deferred,
          data: { ...deferred.data, title: 'Let approvers approve from the e-mail' },
        } as FeedbackEvent,
      ]);
  });

  it('is not found in another period', () => {
    spec(submitted())
      .when({ ...defer, periodId: '6c1f4d2e-9e3b-4d7f-8a21-3b4c5d6e7f80' })
      .thenThrows((error) => error instanceof NotFound);
  });

  it('goes to the backlog once (409, saying when)', () => {
    spec(submitted(), deferred)
      .when(defer)
      .thenThrows(
        (error) =>
          error instanceof Conflict &&
          error.message === `This suggestion went to the enhancement backlog at ${T1}`,
      );
  });

  it('keeps a complaint off the backlog (409 naming its kind)', () => {
    spec(submitted('complaint'))
      .when(defer)
      .thenThrows(
        (error) => error instanceof Conflict && /this feedback is a complaint$/.test(error.message),
      );
  });

  it('cannot be deferred before it exists', () => {
    spec()
      .when(defer)
      .thenThrows((error) => error instanceof NotFound);
  });
});
