import { describeProjection } from './projection-spec.testing';
import { tallies, tallyAdded, tallyDropped, TallySchema1764400000001 } from './tally.fixture';

const added = (tallyId: string, amount: number, at = '2026-11-02T08:00:00.000Z') => ({
  type: tallyAdded.type,
  data: { tallyId, amount, at },
});
const rows = 'select tally_id, total, additions, last_at from probe.tallies order by tally_id';

describeProjection(
  'a document projection',
  tallies,
  { schema: 'probe', migrations: [TallySchema1764400000001] },
  (spec) => {
    it('folds every event of a row into it, in log order, however many of them share a page', () =>
      spec()
        .given(added('a', 2), added('b', 5, '2026-11-02T09:00:00.000Z'))
        .when(added('a', 3, '2026-11-03T10:30:00.000Z'), added('a', -1, '2026-11-03T11:00:00.000Z'))
        .then(async (sql) =>
          expect(await sql.query(rows)).toEqual([
            { tally_id: 'a', total: 4, additions: 3, last_at: new Date('2026-11-03T11:00:00.000Z') },
            { tally_id: 'b', total: 5, additions: 1, last_at: new Date('2026-11-02T09:00:00.000Z') },
          ]),
        ));

    it('writes nothing for an event that changes nothing', () =>
      spec()
        .given()
        .when(added('c', 0))
        .then(async (sql) => expect(await sql.query(rows)).toEqual([])));

    it('deletes a row its event removes, and starts it again on a later event', () =>
      spec()
        .given(added('d', 1), added('e', 1))
        .when(
          { type: tallyDropped.type, data: { tallyId: 'd' } },
          { type: tallyDropped.type, data: { tallyId: 'e' } },
          added('e', 7),
        )
        .then(async (sql) =>
          expect(await sql.query(rows)).toEqual([
            { tally_id: 'e', total: 7, additions: 1, last_at: new Date('2026-11-02T08:00:00.000Z') },
          ]),
        ));

    it('refuses given events that break their contract, naming the field', async () => {
      await expect(
        spec()
          .given(added('', 1))
          .when()
          .then(async () => undefined),
      ).rejects.toThrow(/tallyId/);
    });
  },
);
