import { randomUUID } from 'node:crypto';
import { EventIdConflict, InvalidEventStoreArgument, WrongExpectedVersion } from '../errors';
import type { EventStore, EventStoreCapabilities } from '../event-store.port';
import { event, events, readAllOf, uniqueStreams } from './fixture';

export const appendContract = (store: () => EventStore, capabilities: EventStoreCapabilities): void => {
  describe('append', () => {
    it('records events with their stream, version, global position, type, data, metadata and time', async () => {
      const { stream } = uniqueStreams();
      const before = new Date(Date.now() - 1_000);
      const metadata = {
        correlationId: 'c-1',
        causationId: 'k-1',
        traceparent: '00-abc-def-01',
        periodId: 'p-1',
        actor: { subject: 'u-ana', name: 'ana', kind: 'person' as const },
      };
      const result = await store().append(
        stream(),
        [event('Opened', { title: 'Login fails' }, { metadata }), event('Triaged', { priority: 'P1' })],
        {
          expectedVersion: 'no-stream',
        },
      );
      const stored = await store().readStream(stream());

      expect(
        stored.map(({ type, data, version, stream: name }) => ({ type, data, version, stream: name })),
      ).toEqual([
        { type: 'Opened', data: { title: 'Login fails' }, version: 0, stream: stream() },
        { type: 'Triaged', data: { priority: 'P1' }, version: 1, stream: stream() },
      ]);
      expect(stored[0]?.metadata).toEqual(metadata);
      expect(stored[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(stored[1]!.position).toBeGreaterThan(stored[0]!.position);
      expect(stored[0]!.recordedAt.getTime()).toBeGreaterThan(before.getTime());
      expect(result).toEqual({ nextExpectedVersion: 1, position: stored[1]!.position });
    });

    it('appends at an exact expected version and refuses a stale one, naming the actual version', async () => {
      const { stream } = uniqueStreams();
      await store().append(stream(), events(3), { expectedVersion: 'no-stream' });
      await store().append(stream(), events(1), { expectedVersion: 2 });

      const stale = store().append(stream(), events(1), { expectedVersion: 2 });
      await expect(stale).rejects.toBeInstanceOf(WrongExpectedVersion);
      await expect(stale).rejects.toMatchObject({ stream: stream(), expectedVersion: 2, actualVersion: 3 });
      expect(await store().readStream(stream())).toHaveLength(4);
    });

    it("refuses 'no-stream' for an existing stream and 'stream-exists' for a missing one", async () => {
      const { stream } = uniqueStreams();
      await expect(
        store().append(stream('missing'), events(1), { expectedVersion: 'stream-exists' }),
      ).rejects.toMatchObject({
        actualVersion: -1,
      });
      await store().append(stream(), events(2));
      await expect(
        store().append(stream(), events(1), { expectedVersion: 'no-stream' }),
      ).rejects.toMatchObject({ actualVersion: 1 });
      await expect(
        store().append(stream(), events(1), { expectedVersion: 'stream-exists' }),
      ).resolves.toMatchObject({ nextExpectedVersion: 2 });
      await expect(store().append(stream(), events(1), { expectedVersion: 'any' })).resolves.toMatchObject({
        nextExpectedVersion: 3,
      });
      expect(await store().readStream(stream('missing'))).toEqual([]);
    });

    it('treats a retry with the same event ids as done: same result, nothing written twice', async () => {
      const { prefix, stream } = uniqueStreams();
      const batch = [event('A', {}, { id: randomUUID() }), event('B', {}, { id: randomUUID() })];
      const first = await store().append(stream(), batch, { expectedVersion: 'no-stream' });
      const retry = await store().append(stream(), batch, { expectedVersion: 'no-stream' });

      expect(retry).toEqual(first);
      expect(await readAllOf(store(), prefix)).toHaveLength(2);
    });

    it('writes once when the same append arrives twice at the same moment', async () => {
      const { prefix, stream } = uniqueStreams();
      const batch = [event('A', {}, { id: randomUUID() }), event('B', {}, { id: randomUUID() })];
      const [first, second] = await Promise.all([
        store().append(stream(), batch),
        store().append(stream(), batch),
      ]);

      expect(second).toEqual(first);
      expect(await readAllOf(store(), prefix)).toHaveLength(2);
    });

    it('gives each of many concurrent appends its own outcome, whatever the others do', async () => {
      const { prefix, stream } = uniqueStreams();
      const done = [event('A', {}, { id: randomUUID() })];
      const first = await store().append(stream('retried'), done);
      await store().append(stream('stale'), events(2));
      const reused = randomUUID();
      await store().append(stream('owner'), [event('A', {}, { id: reused })]);

      const [created, retried, stale, single, reusing] = await Promise.allSettled([
        store().append(stream('new-1'), events(3), { expectedVersion: 'no-stream' }),
        store().append(stream('retried'), done),
        store().append(stream('stale'), events(1), { expectedVersion: 0 }),
        store().append(stream('new-2'), events(1)),
        store().append(stream('reusing'), [event('B'), event('A', {}, { id: reused })]),
      ]);

      expect(created).toMatchObject({ status: 'fulfilled', value: { nextExpectedVersion: 2 } });
      expect(retried).toEqual({ status: 'fulfilled', value: first });
      expect(stale).toMatchObject({ status: 'rejected', reason: { actualVersion: 1 } });
      expect(single).toMatchObject({ status: 'fulfilled', value: { nextExpectedVersion: 0 } });
      if (capabilities.eventIdConflicts)
        expect(reusing).toMatchObject({ status: 'rejected', reason: expect.any(EventIdConflict) });
      const streams = (await readAllOf(store(), prefix)).map((e) => e.stream.slice(prefix.length));
      expect(streams.sort()).toEqual(
        [
          'new-1',
          'new-1',
          'new-1',
          'new-2',
          'owner',
          'retried',
          'stale',
          'stale',
          ...(capabilities.eventIdConflicts ? [] : ['reusing', 'reusing']),
        ].sort(),
      );
    });

    (capabilities.eventIdConflicts ? it : it.skip)(
      'refuses an append reusing some stored event ids with other new ones, writing nothing',
      async () => {
        const { prefix, stream } = uniqueStreams();
        const reused = randomUUID();
        await store().append(stream(), [event('A', {}, { id: reused })]);

        await expect(
          store().append(stream(), [event('A', {}, { id: reused }), event('B')]),
        ).rejects.toBeInstanceOf(EventIdConflict);
        await expect(
          store().append(stream('other'), [event('A', {}, { id: reused })]),
        ).rejects.toBeInstanceOf(EventIdConflict);
        expect(await readAllOf(store(), prefix)).toHaveLength(1);
      },
    );

    it('lets exactly one of 100 concurrent appends at the same expected version win', async () => {
      const { stream } = uniqueStreams();
      await store().append(stream(), events(1));
      const outcomes = await Promise.allSettled(
        Array.from({ length: 100 }, (_, writer) =>
          store().append(stream(), [event('Raced', { writer })], { expectedVersion: 0 }),
        ),
      );

      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const losers = outcomes.filter(
        (outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected',
      );
      expect(losers).toHaveLength(99);
      expect(
        losers.every(
          (loser) => loser.reason instanceof WrongExpectedVersion && loser.reason.actualVersion === 1,
        ),
      ).toBe(true);
      expect(await store().readStream(stream())).toHaveLength(2);
    });

    it('leaves out the metadata fields given as undefined, as JSON would', async () => {
      const { stream } = uniqueStreams();
      await store().append(stream(), [
        event('A', {}, { metadata: { correlationId: 'c-1', traceparent: undefined } }),
      ]);
      expect((await store().readStream(stream()))[0]?.metadata).toEqual({ correlationId: 'c-1' });
    });

    describe('refuses bad input with an error naming it, writing nothing', () => {
      const cases: Array<[string, (s: EventStore, stream: string) => Promise<unknown>, RegExp]> = [
        ['an empty stream name', (s) => s.append('', events(1)), /^stream /],
        ['a blank stream name', (s) => s.append('   ', events(1)), /^stream /],
        ['no events', (s, stream) => s.append(stream, []), /^events /],
        [
          'a function as data',
          (s, stream) => s.append(stream, [event('A', { f: () => 1 })]),
          /events\[0\]\.data.*\.f is a function/,
        ],
        ['a bigint in data', (s, stream) => s.append(stream, [event('A', { n: 1n })]), /events\[0\]\.data/],
        ['NaN in data', (s, stream) => s.append(stream, [event('A', [1, Number.NaN])]), /\[1\] is NaN/],
        [
          'Infinity deep in data',
          (s, stream) => s.append(stream, [event('A', { tags: ['a', { n: Infinity }] })]),
          /^events\[0\]\.data must be JSON: events\[0\]\.data\.tags\[1\]\.n is Infinity/,
        ],
        [
          'a class instance in data',
          (s, stream) => s.append(stream, [event('A', { at: new Date() })]),
          /\.at is a Date/,
        ],
        [
          'undefined data',
          (s, stream) => s.append(stream, [{ type: 'A', data: undefined }]),
          /events\[0\]\.data is required/,
        ],
        ['a missing type', (s, stream) => s.append(stream, [{ type: '', data: {} }]), /events\[0\]\.type/],
        [
          'a malformed event id',
          (s, stream) => s.append(stream, [event('A', {}, { id: 'nope' })]),
          /events\[0\]\.id must be a UUID/,
        ],
        [
          'the same id twice in one append',
          (s, stream) => {
            const id = randomUUID();
            return s.append(stream, [event('A', {}, { id }), event('B', {}, { id })]);
          },
          /events\[1\]\.id repeats/,
        ],
        [
          'an unknown expected-version form',
          (s, stream) => s.append(stream, events(1), { expectedVersion: 'latest' as never }),
          /^expectedVersion /,
        ],
        [
          'a negative expected version',
          (s, stream) => s.append(stream, events(1), { expectedVersion: -1 }),
          /^expectedVersion /,
        ],
        [
          'a fractional expected version',
          (s, stream) => s.append(stream, events(1), { expectedVersion: 1.5 }),
          /^expectedVersion /,
        ],
      ];

      it.each(cases)('%s', async (_, call, message) => {
        const { prefix, stream } = uniqueStreams();
        const attempt = call(store(), stream());
        await expect(attempt).rejects.toBeInstanceOf(InvalidEventStoreArgument);
        await expect(attempt).rejects.toThrow(message);
        expect(await readAllOf(store(), prefix)).toEqual([]);
      });
    });
  });
};
