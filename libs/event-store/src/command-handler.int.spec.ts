import { commandHandler } from './command-handler';
import { tally, TallyClosed } from './counter.fixture';
import { WrongExpectedVersion } from './errors';
import { onServerAndPglite, type AdapterScenario } from './postgres/adapters.fixture';

const handlerBehaviour: AdapterScenario = (store) => {
  it('applies all of 100 concurrent commands on one stream, retrying the conflicts', async () => {
    const handle = commandHandler(store(), tally, { maxRetries: 200 });
    const stream = `tally-${crypto.randomUUID()}`;
    await Promise.all(Array.from({ length: 100 }, (_, i) => handle(stream, { type: 'Add', amount: i + 1 })));

    const history = await store().readStream(stream);
    expect(history).toHaveLength(100);
    expect(history.at(-1)?.data).toMatchObject({ total: 5050 });
    expect(new Set(history.map((e) => (e.data as { amount: number }).amount)).size).toBe(100);
  });

  it('gives up with WrongExpectedVersion once its retries are spent', async () => {
    const handle = commandHandler(store(), tally, { maxRetries: 0 });
    const stream = `tally-${crypto.randomUUID()}`;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => handle(stream, { type: 'Add', amount: 1 })),
    );
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((o) => o.reason instanceof WrongExpectedVersion)).toBe(true);
    expect(await store().readStream(stream)).toHaveLength(10 - refused.length);
  });

  it('returns the new state and version, writes nothing for an empty decision, and lets domain errors through', async () => {
    const handle = commandHandler(store(), tally);
    const stream = `tally-${crypto.randomUUID()}`;
    const first = await handle(
      stream,
      { type: 'Add', amount: 2 },
      { metadata: { actor: { subject: 'u-ana', name: 'ana', kind: 'person' }, correlationId: 'c-9' } },
    );
    expect(first).toMatchObject({ state: { total: 2, additions: 1 }, nextExpectedVersion: 0 });
    expect((await store().readStream(stream))[0]?.metadata).toEqual({
      actor: { subject: 'u-ana', name: 'ana', kind: 'person' },
      correlationId: 'c-9',
    });

    expect(await handle(stream, { type: 'Add', amount: 0 })).toMatchObject({
      newEvents: [],
      nextExpectedVersion: 0,
    });
    await handle(stream, { type: 'Close' });
    await expect(handle(stream, { type: 'Add', amount: 1 })).rejects.toBeInstanceOf(TallyClosed);
    expect(await store().readStream(stream)).toHaveLength(2);
  });

  it('applies a command with an idempotency key once, however often and however concurrently it comes', async () => {
    const handle = commandHandler(store(), tally);
    const stream = `tally-${crypto.randomUUID()}`;
    const key = crypto.randomUUID();
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () =>
        handle(stream, { type: 'Add', amount: 3 }, { expect: 'new', idempotencyKey: key }),
      ),
    );
    const again = await handle(stream, { type: 'Add', amount: 3 }, { expect: 'new', idempotencyKey: key });

    expect(await store().readStream(stream)).toHaveLength(1);
    expect(again).toMatchObject({
      replayed: true,
      newEvents: [],
      nextExpectedVersion: 0,
      state: { total: 3 },
    });
    expect(outcomes.every((outcome) => outcome.nextExpectedVersion === 0)).toBe(true);
    await handle(stream, { type: 'Add', amount: 1 }, { idempotencyKey: crypto.randomUUID() });
    expect((await store().readStream(stream)).map((event) => event.data)).toEqual([
      { amount: 3, total: 3 },
      { amount: 1, total: 4 },
    ]);
  });

  it('refuses a command expecting an existing stream when there is none', async () => {
    const handle = commandHandler(store(), tally);
    await expect(
      handle(`tally-${crypto.randomUUID()}`, { type: 'Add', amount: 1 }, { expect: 'existing' }),
    ).rejects.toBeInstanceOf(WrongExpectedVersion);
  });
};

onServerAndPglite('command handler', handlerBehaviour, { database: 'es_handler', connections: 20 });
