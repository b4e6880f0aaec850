import { periodEvents, TEST_PROGRAMME_ID } from '@hypercare/contracts/testing';
import { describeProjection } from '@hypercare/projections/testing';
import { IntakeSchema1764400001000 } from '../database/intake-schema.migration';
import { PeriodProgrammeIds1765000001000 } from '../database/period-programme-ids.migration';
import { periodDirectoryProjection } from './period-directory.projection';

const A = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const B = '6c1f4d2e-9e3b-4d7f-8a21-3b4c5d6e7f80';
const a = periodEvents(A);
const OTHER_PROGRAMME = '1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a';
const b = periodEvents(B, OTHER_PROGRAMME);
const rows = 'select period_id, programme_id, system_name, status from intake.periods order by period_id';

describeProjection(
  'the period directory',
  periodDirectoryProjection,
  { schema: 'intake', migrations: [IntakeSchema1764400001000, PeriodProgrammeIds1765000001000] },
  (spec) => {
    it('knows a planned period by its programme and system, as planned', () =>
      spec()
        .given()
        .when(a.planned())
        .then(async (sql) =>
          expect(await sql.query(rows)).toEqual([
            {
              period_id: A,
              programme_id: TEST_PROGRAMME_ID,
              system_name: 'Finance cloud',
              status: 'planned',
            },
          ]),
        ));

    it('follows each period through its lifecycle, extensions leaving the status', () =>
      spec()
        .given(a.planned(), b.planned({ systemName: 'Payroll' }))
        .when(
          a.activated(),
          a.extended('2026-11-30T08:00:00.000Z'),
          a.exitReviewStarted(),
          b.activated(),
          b.closed(),
        )
        .then(async (sql) =>
          expect((await sql.query<{ status: string }>(rows)).map((row) => row.status)).toEqual([
            'exit-review',
            'closed',
          ]),
        ));

    it('renames a period that is reconfigured, leaving its programme and status', () =>
      spec()
        .given(a.planned(), a.activated(), b.planned())
        .when(a.reconfigured({ systemName: 'Ledger' }))
        .then(async (sql) =>
          expect(await sql.query(rows)).toEqual([
            { period_id: A, programme_id: TEST_PROGRAMME_ID, system_name: 'Ledger', status: 'active' },
            { period_id: B, programme_id: OTHER_PROGRAMME, system_name: 'Finance cloud', status: 'planned' },
          ]),
        ));

    it('ignores the lifecycle of a period it never saw planned', () =>
      spec()
        .given()
        .when(b.activated(), b.closed())
        .then(async (sql) => expect(await sql.query(rows)).toEqual([])));
  },
);
