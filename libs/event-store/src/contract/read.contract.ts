import { InvalidEventStoreArgument } from '../errors';
import type { EventStore } from '../event-store.port';
import { sleep } from '@hypercare/testing';
import { event, events, readAllOf, uniqueStreams } from './fixture';

export const readContract = (store: () => EventStore): void => {
  describe('readStream', () => {
    it('reads forward or backward, from a version, at most maxCount', async () => {
      const { stream } = uniqueStreams();
      await store().append(stream(), events(5));
      const versions = async (options: Parameters<EventStore['readStream']>[1]) =>
        (await store().readStream(stream(), options)).map((e) => e.version);

      expect(await versions({})).toEqual([0, 1, 2, 3, 4]);
      expect(await versions({ fromVersion: 2, maxCount: 2 })).toEqual([2, 3]);
      expect(await versions({ direction: 'backward' })).toEqual([4, 3, 2, 1, 0]);
      expect(await versions({ direction: 'backward', fromVersion: 3, maxCount: 2 })).toEqual([3, 2]);
      expect(await store().readStream(stream('never-written'))).toEqual([]);
    });

    it('reads a stream as of a global position or a time', async () => {
      const { stream } = uniqueStreams();
      await store().append(stream(), events(2));
      await sleep(20);
      const cutTime = new Date();
      await sleep(20);
      const [, second] = await store().readStream(stream());
      await store().append(stream(), events(2));

      const asOfPosition = await store().readStream(stream(), { asOf: { position: second!.position } });
      const asOfTime = await store().readStream(stream(), { asOf: { time: cutTime } });
      expect(asOfPosition.map((e) => e.version)).toEqual([0, 1]);
      expect(asOfTime.map((e) => e.version)).toEqual([0, 1]);
    });

    it.each([
      ['maxCount 0', { maxCount: 0 }, /^maxCount/],
      ['a negative fromVersion', { fromVersion: -1 }, /^fromVersion/],
      ['an invalid date', { asOf: { time: new Date('nope') } }, /^asOf/],
    ])('refuses %s', async (_, options, message) => {
      const { stream } = uniqueStreams();
      const read = store().readStream(stream(), options as never);
      await expect(read).rejects.toBeInstanceOf(InvalidEventStoreArgument);
      await expect(read).rejects.toThrow(message);
    });
  });

  describe('readAll', () => {
    it('reads the global log in position order from a position, filtered by stream prefix or type', async () => {
      const { prefix, stream } = uniqueStreams();
      await store().append(stream('ticket-1'), [event('Opened'), event('Triaged')]);
      await store().append(stream('alert-1'), [event('Fired')]);
      await store().append(stream('ticket-2'), [event('Opened')]);

      const all = await readAllOf(store(), prefix);
      expect(all.map((e) => `${e.stream.slice(prefix.length)}:${e.type}`)).toEqual([
        'ticket-1:Opened',
        'ticket-1:Triaged',
        'alert-1:Fired',
        'ticket-2:Opened',
      ]);
      expect(all.map((e) => e.position)).toEqual([...all.map((e) => e.position)].sort((a, b) => a - b));

      const tickets = await store().readAll({ filter: { streamPrefixes: [`${prefix}ticket-`] } });
      expect(tickets.map((e) => e.stream)).toEqual([
        stream('ticket-1'),
        stream('ticket-1'),
        stream('ticket-2'),
      ]);
      const opened = await store().readAll({ filter: { streamPrefixes: [prefix], types: ['Opened'] } });
      expect(opened.map((e) => e.stream)).toEqual([stream('ticket-1'), stream('ticket-2')]);

      const fromThird = await store().readAll({
        fromPosition: all[2]!.position,
        maxCount: 1,
        filter: { streamPrefixes: [prefix] },
      });
      expect(fromThird).toEqual([all[2]]);
    });

    it('reads the global log as of a position or a time: exactly the history up to it', async () => {
      const { prefix, stream } = uniqueStreams();
      await store().append(stream('x'), events(3));
      await sleep(20);
      const cutTime = new Date();
      await sleep(20);
      await store().append(stream('y'), events(2));
      const all = await readAllOf(store(), prefix);

      const byPosition = await store().readAll({
        asOf: { position: all[2]!.position },
        filter: { streamPrefixes: [prefix] },
      });
      const byTime = await store().readAll({ asOf: { time: cutTime }, filter: { streamPrefixes: [prefix] } });
      expect(byPosition).toEqual(all.slice(0, 3));
      expect(byTime).toEqual(all.slice(0, 3));
    });

    it('counts an event as of its own recorded time: the time it reports is the time it is filed under', async () => {
      const { prefix, stream } = uniqueStreams();
      await store().append(stream('x'), events(5));
      const all = await readAllOf(store(), prefix);
      for (const event of all) {
        const asOf = await store().readAll({
          asOf: { time: event.recordedAt },
          filter: { streamPrefixes: [prefix] },
        });
        expect(asOf.map((e) => e.id)).toContain(event.id);
      }
    });

    it.each([
      [
        'a prefix filter that is not a list',
        { filter: { streamPrefixes: 'ticket-' } },
        /^filter\.streamPrefixes/,
      ],
      ['an empty type name', { filter: { types: [''] } }, /^filter\.types/],
      ['a negative fromPosition', { fromPosition: -5 }, /^fromPosition/],
    ])('refuses %s', async (_, options, message) => {
      const read = store().readAll(options as never);
      await expect(read).rejects.toBeInstanceOf(InvalidEventStoreArgument);
      await expect(read).rejects.toThrow(message);
    });

    it('reports the head position', async () => {
      const { stream } = uniqueStreams();
      const { position } = await store().append(stream(), events(2));
      expect(await store().headPosition()).toBeGreaterThanOrEqual(position);
    });
  });
};
