import { deliver, undeadLetter } from './delivery';
import { toWireMessage } from './integration-event';
import { DEAD_LETTER_HEADERS, type ConsumerOptions } from './message-bus.port';

const message = toWireMessage({
  id: '3f1d2a9c-1b7e-4a4b-9d1f-2c3b4a5d6e7f',
  type: 'hypercare.ticket.opened.v1',
  source: '/hypercare/test',
  subject: 'T-1',
  time: new Date('2026-11-23T10:00:00Z'),
  data: { title: 'x' },
});
const where = { topic: 'hypercare.tickets.v1', partition: 2, offset: '41' };
const options = (handle: ConsumerOptions['handle'], maxAttempts = 3): ConsumerOptions => ({
  groupId: 'g',
  topics: [where.topic],
  handle,
  maxAttempts,
  retryBackoffMs: 1,
});

describe('delivering one message', () => {
  it('dead-letters a message that is no CloudEvent at once, without calling the handler', async () => {
    const handle = jest.fn();
    const outcome = await deliver({ ...message, headers: {} }, where, {
      options: options(handle),
      stopping: () => false,
    });
    expect(handle).not.toHaveBeenCalled();
    expect(outcome).toMatchObject({
      kind: 'dead-letter',
      message: { headers: { [DEAD_LETTER_HEADERS.attempts]: '1' } },
    });
    expect(outcome.kind === 'dead-letter' && outcome.message.headers[DEAD_LETTER_HEADERS.error]).toMatch(
      /MalformedMessage: .*missing headers ce_id/,
    );
  });

  it('succeeds on a later attempt without dead-lettering', async () => {
    let calls = 0;
    const outcome = await deliver(message, where, {
      options: options(async () => {
        if (++calls < 3) throw new Error('transient');
      }),
      stopping: () => false,
    });
    expect(outcome).toEqual({ kind: 'handled' });
    expect(calls).toBe(3);
  });

  it('stops retrying, without dead-lettering, when the consumer is stopping', async () => {
    let stopping = false;
    const outcome = await deliver(message, where, {
      options: options(async () => {
        stopping = true;
        throw new Error('fails while shutting down');
      }, 10),
      stopping: () => stopping,
    });
    expect(outcome).toEqual({ kind: 'interrupted' });
  });

  it('restores the original message from a dead letter for replay', async () => {
    const outcome = await deliver(message, where, {
      options: options(async () => Promise.reject(new Error('no'))),
      stopping: () => false,
    });
    if (outcome.kind !== 'dead-letter') throw new Error('expected a dead letter');
    expect(undeadLetter(outcome.message)).toEqual({ topic: where.topic, message });
  });
});
