import { describeWith, eventually } from '@hypercare/testing';
import { defineProjection } from './projection';
import { useRunnerWorld } from './runner-world.fixture';
import { addToTally, tallies, tallyTotals } from './tally.fixture';
import { onServer } from './test-databases.testing';

/**
 * The tallies projection as a rebuild stopped between two of its transactions sees it: once
 * `hold` is called, it applies `pages` pages, then refuses the next ones until `release`.
 */
const heldTallies = (pages: number) => {
  const state = { applied: 0, held: false, refused: 0 };
  const projection = defineProjection({
    ...tallies,
    apply: async (events, tx) => {
      if (state.held && state.applied === pages) {
        state.refused++;
        throw new Error('held between pages');
      }
      await tallies.apply(events, tx);
      state.applied++;
    },
  });
  return {
    projection,
    refused: () => state.refused > 0,
    hold: () => Object.assign(state, { applied: 0, held: true }),
    release: () => void (state.held = false),
  };
};

const twentyAdditions = Array.from({ length: 20 }, (_, i) => i + 1);

describeWith('postgres')('projection runners of several instances on one PostgreSQL server', () => {
  const { world, runner } = useRunnerWorld(onServer);

  it('rebuilds on one instance while another applies live pages, losing no event', async () => {
    await addToTally(world.log, 'r', twentyAdditions);
    const live = runner();
    await live.start();
    const rebuilt = heldTallies(2);
    const rebuilding = runner({ projections: [rebuilt.projection] });
    await rebuilding.start();
    await Promise.all([live.caughtUp(), rebuilding.caughtUp()]);

    rebuilt.hold();
    const rebuild = rebuilding.rebuild('tallies');
    await eventually('the rebuild stopped after two of its three pages', rebuilt.refused);
    await addToTally(world.log, 'late', [5, 5]);
    await live.caughtUp();
    rebuilt.release();
    await rebuild;
    await Promise.all([live.caughtUp(), rebuilding.caughtUp()]);
    expect(await tallyTotals(world.sql)).toEqual({ r: [210, 20], late: [10, 2] });
  });

  it('rebuilds on two instances at once, each answering once the projection is whole', async () => {
    await addToTally(world.log, 'r', twentyAdditions);
    const [first, second] = [heldTallies(2), heldTallies(0)];
    const one = runner({ projections: [first.projection] });
    const two = runner({ projections: [second.projection] });
    await Promise.all([one.start(), two.start()]);
    await Promise.all([one.caughtUp(), two.caughtUp()]);

    first.hold();
    const firstRebuild = one.rebuild('tallies');
    await eventually('the first rebuild stopped after two of its three pages', first.refused);
    second.hold();
    const secondRebuild = two.rebuild('tallies');
    await eventually('the second rebuild emptied the projection and stopped', second.refused);
    first.release();
    await firstRebuild;
    expect(await tallyTotals(world.sql)).toEqual({ r: [210, 20] });
    second.release();
    await secondRebuild;
    expect(await tallyTotals(world.sql)).toEqual({ r: [210, 20] });
  });
});
