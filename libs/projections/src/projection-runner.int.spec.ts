import { describeWith, eventually } from '@hypercare/testing';
import { defineProjection } from './projection';
import { useRunnerWorld } from './runner-world.fixture';
import { addToTally, tallies, tallyDropped, tallyTotals, witness } from './tally.fixture';
import { onPglite, onServer, type ReadTestDatabase } from './test-databases.testing';

const runnerBehaviour = (open: () => Promise<ReadTestDatabase>) => () => {
  const { world, runner } = useRunnerWorld(open);

  it('follows the log a page at a time, with the checkpoint at the last event applied', async () => {
    await addToTally(world.log, 'a', [1, 2, 3]);
    await addToTally(world.log, 'b', [10]);
    const running = runner();
    await running.start();
    await addToTally(world.log, 'a', [4]);
    await running.caughtUp();
    expect(await tallyTotals(world.sql)).toEqual({ a: [10, 4], b: [10, 1] });
    expect(await running.status()).toEqual([
      { name: 'tallies', position: await world.log.headPosition(), rebuiltAt: null, lag: 0 },
    ]);
  });

  it('applies each event once when two instances follow the same log', async () => {
    const first = runner();
    const second = runner();
    await Promise.all([first.start(), second.start()]);
    await Promise.all(Array.from({ length: 30 }, (_, i) => addToTally(world.log, `t${i % 5}`, [1, 1])));
    await Promise.all([first.caughtUp(), second.caughtUp()]);
    expect(await tallyTotals(world.sql)).toEqual(
      Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`t${i}`, [12, 12]])),
    );
  });

  it('resumes after a restart from its own checkpoint, applying nothing twice', async () => {
    const before = runner();
    await before.start();
    await addToTally(world.log, 'r', [1, 1]);
    await before.caughtUp();
    await before.stop();
    await addToTally(world.log, 'r', [1]);
    const after = runner();
    await after.start();
    await after.caughtUp();
    expect(await tallyTotals(world.sql)).toEqual({ r: [3, 3] });
  });

  it('keeps a failing page unapplied, its checkpoint in place, and applies it once the failure passes', async () => {
    let failures = 2;
    const errors: string[] = [];
    const flaky = defineProjection({
      ...tallies,
      apply: async (events, tx) => {
        await tallies.apply(events, tx);
        if (failures-- > 0) throw new Error('read database hiccup');
      },
    });
    await addToTally(world.log, 'f', [5]);
    const running = runner({
      projections: [flaky],
      logger: { info: () => undefined, error: (fields) => void errors.push(String(fields['err'])) },
    });
    await running.start();
    await running.caughtUp();
    expect(errors).toEqual(['Error: read database hiccup', 'Error: read database hiccup']);
    expect(await tallyTotals(world.sql)).toEqual({ f: [5, 1] });
  });

  it('rebuilds from the whole log into emptied tables, to the same rows, and goes on live after it', async () => {
    await addToTally(world.log, 'x', [1, 2]);
    await addToTally(world.log, 'y', [3]);
    const running = runner();
    await running.start();
    await running.caughtUp();
    const live = await tallyTotals(world.sql);
    await world.sql.query("update probe.tallies set total = -1 where tally_id = 'x'");

    const report = await running.rebuild('tallies');
    expect(report).toMatchObject({ projections: ['tallies'], events: await world.log.headPosition() });
    expect(await tallyTotals(world.sql)).toEqual(live);
    const [status] = await running.status();
    expect(status?.rebuiltAt).toBeInstanceOf(Date);

    await addToTally(world.log, 'y', [4]);
    await running.caughtUp();
    expect(await tallyTotals(world.sql)).toEqual({ ...live, y: [7, 2] });
    await expect(running.rebuild('nothing-by-that-name')).rejects.toThrow(
      'projection nothing-by-that-name does not exist',
    );
  });

  it('reads the log once for all its projections, each applying only what lies beyond its own checkpoint', async () => {
    await addToTally(world.log, 'a', [1, 2, 3]);
    const first = runner();
    await first.start();
    await first.caughtUp();
    await first.stop();
    const late = witness('late');
    const subscribe = jest.spyOn(world.log, 'subscribe');
    const both = runner({ projections: [tallies, late.projection] });
    await both.start();
    await addToTally(world.log, 'a', [4]);
    await both.caughtUp();
    expect(subscribe).toHaveBeenCalledTimes(1);
    expect(await tallyTotals(world.sql)).toEqual({ a: [10, 4] });
    expect(late.seen).toEqual((await world.log.readAll()).map(({ position }) => position));
  });

  it('applies a page to every projection it concerns in one transaction', async () => {
    const other = witness('other');
    const running = runner({ projections: [tallies, other.projection] });
    await running.start();
    await running.caughtUp();
    const transaction = jest.spyOn(world.sql, 'transaction');
    await addToTally(world.log, 'one', [1, 2]);
    await running.caughtUp();
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(await tallyTotals(world.sql)).toEqual({ one: [3, 2] });
    expect(other.seen).toEqual((await world.log.readAll()).map(({ position }) => position));
    expect(await running.positionOf('other')).toBe(await world.log.headPosition());
  });

  it('moves a projection past pages holding none of its events without a transaction for it', async () => {
    const dropped = defineProjection({
      name: 'dropped',
      contracts: [tallyDropped],
      tables: [],
      apply: () => Promise.reject(new Error('given an event it does not read')),
    });
    const running = runner({ projections: [dropped] });
    await running.start();
    const transaction = jest.spyOn(world.sql, 'transaction');
    await addToTally(world.log, 'p', [1, 2]);
    await addToTally(world.log, 'p', [3]);
    await running.caughtUp();
    expect(await running.positionOf('dropped')).toBe(await world.log.headPosition());
    expect(transaction).not.toHaveBeenCalled();
  });

  it('lets a projection whose pages keep failing retry on its own while the others stay live', async () => {
    const broken = witness('broken');
    broken.state.failing = true;
    const errors: string[] = [];
    const running = runner({
      projections: [tallies, broken.projection],
      logger: { info: () => undefined, error: (fields) => void errors.push(String(fields['projection'])) },
    });
    await running.start();
    await addToTally(world.log, 'live', [1, 2]);
    await addToTally(world.log, 'live', [3]);
    await eventually(
      'the healthy projection caught up',
      async () => (await tallyTotals(world.sql))['live']?.[0] === 6,
    );
    await eventually('the broken one retried', () => errors.length >= 2);
    expect(new Set(errors)).toEqual(new Set(['broken']));
    expect(broken.seen).toEqual([]);

    broken.state.failing = false;
    await running.caughtUp();
    expect(broken.seen).toEqual((await world.log.readAll()).map(({ position }) => position));
  });

  it('keeps projections that all fail at once (the database away) in one feed, retrying the page whole', async () => {
    const [first, second] = [witness('first'), witness('second')];
    first.state.failing = second.state.failing = true;
    const errors: string[] = [];
    const running = runner({
      projections: [first.projection, second.projection],
      logger: { info: () => undefined, error: (fields) => void errors.push(String(fields['projection'])) },
    });
    await running.start();
    await addToTally(world.log, 'away', [1, 2]);
    await eventually(
      'both failed twice',
      () => errors.filter((name) => name === 'second').length >= 2 && errors.includes('first'),
    );
    first.state.failing = second.state.failing = false;
    await running.caughtUp();

    const transaction = jest.spyOn(world.sql, 'transaction');
    await addToTally(world.log, 'back', [3]);
    await running.caughtUp();
    expect(transaction).toHaveBeenCalledTimes(1);
    const positions = (await world.log.readAll()).map(({ position }) => position);
    expect(first.seen).toEqual(positions);
    expect(second.seen).toEqual(positions);
  });

  it('rebuilds one projection while the others sharing its feed apply nothing twice', async () => {
    const other = witness('other');
    await addToTally(world.log, 'r', [1, 2]);
    const running = runner({ projections: [tallies, other.projection] });
    await running.start();
    await running.caughtUp();
    await running.rebuild('tallies');
    await addToTally(world.log, 'r', [3]);
    await running.caughtUp();
    expect(await tallyTotals(world.sql)).toEqual({ r: [6, 3] });
    expect(other.seen).toEqual((await world.log.readAll()).map(({ position }) => position));
  });

  it('refuses two projections of one name', () => {
    expect(() => runner({ projections: [tallies, tallies] })).toThrow(
      'projection tallies is registered twice',
    );
  });
};

describeWith('postgres')('projection runner on a PostgreSQL server', runnerBehaviour(onServer));
describe('projection runner on PGlite (one connection)', runnerBehaviour(onPglite));
