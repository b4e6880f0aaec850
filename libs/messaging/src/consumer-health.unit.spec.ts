import { EventEmitter } from 'node:events';
import type { Consumer } from 'kafkajs';
import { ConsumerHealth, STALL_AFTER_MS } from './consumer-health';

/** kafkajs's instrumentation events, as a consumer emits them. */
const events = {
  FETCH: 'consumer.fetch',
  HEARTBEAT: 'consumer.heartbeat',
  START_BATCH_PROCESS: 'consumer.start_batch_process',
  COMMIT_OFFSETS: 'consumer.commit_offsets',
  GROUP_JOIN: 'consumer.group_join',
  REBALANCING: 'consumer.rebalancing',
  DISCONNECT: 'consumer.disconnect',
  CRASH: 'consumer.crash',
};

const watched = () => {
  let now = 0;
  const emitter = new EventEmitter();
  const consumer = { events, on: (event: string, listener: never) => emitter.on(event, listener) };
  const health = new ConsumerHealth('hypercare-triage.reports', () => now);
  health.watch(consumer as unknown as Consumer);
  return {
    health,
    emit: (event: string, payload: object = {}) => emitter.emit(event, { payload }),
    advance: (ms: number) => (now += ms),
  };
};

describe('a consumer doing its job', () => {
  it('given a consumer that has not joined its group, then it is stalled, naming its group', () => {
    const { health } = watched();
    expect(health.stalled()).toBe('consumer group hypercare-triage.reports: has not joined its group yet');
  });

  it('given a joined consumer that keeps fetching, then it is not stalled', () => {
    const { health, emit, advance } = watched();
    emit(events.GROUP_JOIN);
    advance(STALL_AFTER_MS - 1);
    emit(events.FETCH);
    advance(STALL_AFTER_MS);
    expect(health.stalled()).toBeUndefined();
  });

  it('given a joined consumer, when nothing shows activity for longer than its session, then it is stalled', () => {
    const { health, emit, advance } = watched();
    emit(events.GROUP_JOIN);
    advance(STALL_AFTER_MS + 1_000);
    expect(health.stalled()).toMatch(/no fetch or heartbeat for 11 s/);
  });

  it.each([
    [events.REBALANCING, {}, /is rebalancing/],
    [events.DISCONNECT, {}, /is disconnected/],
    [
      events.CRASH,
      { error: new Error('Connection error'), restart: true },
      /crashed \(Connection error\); restarting/,
    ],
  ])('given a joined consumer, when %s, then it is stalled until it joins again', (event, payload, why) => {
    const { health, emit } = watched();
    emit(events.GROUP_JOIN);
    emit(event, payload);
    expect(health.stalled()).toMatch(why);
    emit(events.GROUP_JOIN);
    expect(health.stalled()).toBeUndefined();
  });
});
