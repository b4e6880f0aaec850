import { GroupCommit } from './group-commit';

/** A fake statement executor whose statements finish only when the test says so. */
const statements = () => {
  const calls: Array<{ requests: string[]; finish: (error?: Error) => void }> = [];
  const execute = (requests: string[]) =>
    new Promise<string[]>((resolve, reject) => {
      calls.push({
        requests,
        finish: (error) => (error ? reject(error) : resolve(requests.map((r) => `done:${r}`))),
      });
    });
  return { calls, execute };
};

const tick = () => new Promise((resolve) => setImmediate(resolve));

const until = async (condition: () => boolean): Promise<void> => {
  for (let turns = 0; !condition(); turns++) {
    if (turns > 100) throw new Error('condition never held');
    await tick();
  }
};

describe('GroupCommit', () => {
  it('sends a request to an idle batcher at once, alone', async () => {
    const { calls, execute } = statements();
    const batcher = new GroupCommit(execute, { maxInFlight: 2, maxSize: 100 });
    const outcome = batcher.submit('a', 1);
    expect(calls.map((c) => c.requests)).toEqual([['a']]);
    calls[0]?.finish();
    await expect(outcome).resolves.toBe('done:a');
  });

  it('coalesces requests arriving while a statement is in flight, shared evenly over the free slots', async () => {
    const { calls, execute } = statements();
    const batcher = new GroupCommit(execute, { maxInFlight: 2, maxSize: 100 });
    const first = batcher.submit('a', 1);
    const rest = ['b', 'c', 'd', 'e'].map((r) => batcher.submit(r, 1));
    await tick();
    expect(calls.map((c) => c.requests)).toEqual([['a'], ['b', 'c', 'd', 'e']]);

    calls.forEach((c) => c.finish());
    await expect(Promise.all([first, ...rest])).resolves.toEqual([
      'done:a',
      'done:b',
      'done:c',
      'done:d',
      'done:e',
    ]);
    await tick();

    const burst = ['f', 'g', 'h', 'i'].map((r) => batcher.submit(r, 1));
    await tick();
    expect(calls.slice(2).map((c) => c.requests)).toEqual([['f'], ['g', 'h', 'i']]);
    calls.slice(2).forEach((c) => c.finish());
    await Promise.all(burst);
  });

  it('splits a queue across the free slots only when each statement would still carry minSplit', async () => {
    const { calls, execute } = statements();
    const batcher = new GroupCommit(execute, { maxInFlight: 3, maxSize: 100, minSplit: 4 });
    const busy = batcher.submit('busy', 1);
    const small = ['b', 'c', 'd', 'e', 'f', 'g'].map((r) => batcher.submit(r, 1));
    await tick();
    expect(calls.map((c) => c.requests)).toEqual([['busy'], ['b', 'c', 'd', 'e', 'f', 'g']]);
    calls.forEach((c) => c.finish());
    await Promise.all([busy, ...small]);
    await tick();

    const first = batcher.submit('h', 1);
    const large = ['i', 'j', 'k', 'l', 'm', 'n', 'o', 'p'].map((r) => batcher.submit(r, 1));
    await tick();
    expect(calls.slice(2).map((c) => c.requests)).toEqual([
      ['h'],
      ['i', 'j', 'k', 'l'],
      ['m', 'n', 'o', 'p'],
    ]);
    calls.slice(2).forEach((c) => c.finish());
    await Promise.all([first, ...large]);
  });

  it('never puts more than maxSize in a statement, but lets one larger request go alone', async () => {
    const { calls, execute } = statements();
    const batcher = new GroupCommit(execute, { maxInFlight: 1, maxSize: 10 });
    const busy = batcher.submit('busy', 1);
    const queued = [batcher.submit('six', 6), batcher.submit('five', 5), batcher.submit('huge', 50)];
    for (let i = 0; i <= 3; i++) {
      await until(() => calls.length > i);
      calls[i]?.finish();
    }
    await Promise.all([busy, ...queued]);
    expect(calls.map((c) => c.requests)).toEqual([['busy'], ['six'], ['five'], ['huge']]);
  });

  it('sends a request of aloneFrom or more in a statement of its own, the smaller ones around it together', async () => {
    const { calls, execute } = statements();
    const batcher = new GroupCommit(execute, { maxInFlight: 1, maxSize: 100, aloneFrom: 5 });
    const busy = batcher.submit('busy', 1);
    const queued = [
      batcher.submit('one', 1),
      batcher.submit('two', 2),
      batcher.submit('five', 5),
      batcher.submit('nine', 9),
      batcher.submit('four', 4),
      batcher.submit('three', 3),
    ];
    for (let i = 0; i <= 4; i++) {
      await until(() => calls.length > i);
      calls[i]?.finish();
    }
    await Promise.all([busy, ...queued]);
    expect(calls.map((c) => c.requests)).toEqual([
      ['busy'],
      ['one', 'two'],
      ['five'],
      ['nine'],
      ['four', 'three'],
    ]);
  });

  it('retries a failed shared statement request by request, so the failure stays with its cause', async () => {
    const seen: string[][] = [];
    const batcher = new GroupCommit(
      async (requests: string[]) => {
        seen.push(requests);
        if (requests.includes('bad')) throw new Error('bad append');
        return requests.map((r) => `done:${r}`);
      },
      { maxInFlight: 1, maxSize: 100 },
    );
    const busy = batcher.submit('first', 1);
    const outcomes = Promise.allSettled(['ok1', 'bad', 'ok2'].map((r) => batcher.submit(r, 1)));
    await busy;
    const settled = await outcomes;
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([
      'done:ok1',
      'bad append',
      'done:ok2',
    ]);
    expect(seen).toEqual([['first'], ['ok1', 'bad', 'ok2'], ['ok1'], ['bad'], ['ok2']]);
  });
});
