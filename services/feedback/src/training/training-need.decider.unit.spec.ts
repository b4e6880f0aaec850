import { IllegalTransition, NotFound } from '@hypercare/domain-kit';
import { given } from '@hypercare/event-store/testing';
import {
  type TrainingNeedCommand,
  trainingNeedDecider,
  type TrainingNeedEvent,
} from './training-need.decider';

const NEED = '7e1a3c5b-9d2f-4e6a-8b0c-1d3e5f7a9b2c';
const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const ARTICLE = '2d4f6a8c-0e1a-4b3c-9d5e-7f9a1b3c5d7e';
const T0 = '2031-05-05T10:00:00.000Z';
const T1 = '2031-05-06T10:00:00.000Z';
const ref = (at: string) => ({ needId: NEED, periodId: PERIOD, at });
const question = (id: string) => ({ id, source: 'report' as const });
const items = ['r1', 'r2', 'r3'].map(question);

const identified: TrainingNeedEvent = {
  type: 'hypercare.training-need.identified.v1',
  data: { ...ref(T0), items, topTerms: ['approve', 'invoice'] },
};
const addressed: TrainingNeedEvent = {
  type: 'hypercare.training-need.addressed.v1',
  data: { ...ref(T1), articleId: ARTICLE, by: 'Priya PM' },
};
const closed: TrainingNeedEvent = {
  type: 'hypercare.training-need.closed.v1',
  data: { ...ref(T1), by: 'Priya PM' },
};
const identify = (ids: string[]): TrainingNeedCommand => ({
  kind: 'identify',
  ...ref(T1),
  items: ids.map(question),
  topTerms: ['approve', 'invoice'],
});
const address: TrainingNeedCommand = { kind: 'address', ...ref(T1), by: 'Priya PM', articleId: ARTICLE };
const close: TrainingNeedCommand = { kind: 'close', ...ref(T1), by: 'Priya PM' };
const refusedAs = (currentState: string) => (error: unknown) =>
  error instanceof IllegalTransition && error.currentState === currentState;
const spec = given(trainingNeedDecider);

describe('training need', () => {
  it('is identified with its questions and top terms', () => {
    spec()
      .when({ ...identify(['r1', 'r2', 'r3']), at: T0 })
      .then([identified]);
  });

  it('grows by the questions that joined it, and not by those it has', () => {
    spec(identified)
      .when(identify(['r1', 'r2', 'r3', 'r4']))
      .then([
        {
          type: 'hypercare.training-need.grew.v1',
          data: { ...ref(T1), items: [question('r4')], topTerms: ['approve', 'invoice'] },
        },
      ]);
    spec(identified)
      .when(identify(['r1', 'r2', 'r3']))
      .thenNothingHappened();
  });

  it('is addressed by an article or a training session, more than once', () => {
    spec(identified).when(address).then([addressed]);
    const session = { title: 'Invoice approval in 20 minutes', date: T1, audience: 'AP clerks, Lisbon' };
    spec(identified, addressed)
      .when({ kind: 'address', ...ref(T1), by: 'Priya PM', session })
      .then([
        { type: 'hypercare.training-need.addressed.v1', data: { ...ref(T1), session, by: 'Priya PM' } },
      ]);
  });

  it('is closed once addressed, and not before', () => {
    spec(identified, addressed).when(close).then([closed]);
    spec(identified).when(close).thenThrows(refusedAs('identified'));
  });

  it('takes nothing more once closed: questions joining it wait for a need of their own', () => {
    spec(identified, addressed, closed)
      .when(identify(['r1', 'r9']))
      .thenNothingHappened();
    spec(identified, addressed, closed).when(address).thenThrows(refusedAs('closed'));
  });

  it('is not found before it is identified, nor in another period', () => {
    spec()
      .when(close)
      .thenThrows((error) => error instanceof NotFound);
    spec(identified)
      .when({ ...address, periodId: '6c1f4d2e-9e3b-4d7f-8a21-3b4c5d6e7f80' })
      .thenThrows((error) => error instanceof NotFound);
  });
});
