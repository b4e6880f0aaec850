import { periodEvents, TEST_PROGRAMME_ID } from '@hypercare/contracts/testing';
import { describeProjection } from '@hypercare/projections/testing';
import { PeriodClosing1765000021100 } from '../database/period-closing.migration';
import { ReportingProgrammes1765000002000 } from '../database/reporting-programmes.migration';
import { ReportingReceived1764400002000 } from '../database/reporting-received.migration';
import { ReportingSchema1700000000001 } from '../database/reporting-schema.migration';
import { periodListProjection } from './period-list.projection';

const A = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const a = periodEvents(A);
const row = `select period_id, programme_id, system_name, status, go_live_at, planned_end_at, activated_at, closed_at, extension_count, version,
                    configuration->>'plannedEndAt' as configured_end from reporting.periods`;
const migrations = [
  ReportingSchema1700000000001,
  ReportingReceived1764400002000,
  ReportingProgrammes1765000002000,
  PeriodClosing1765000021100,
];

describeProjection(
  'the programme overview',
  periodListProjection,
  { schema: 'reporting', migrations },
  (spec) => {
    it('lists a planned period with its dates and definition', () =>
      spec()
        .given()
        .when(a.planned())
        .then(async (sql) =>
          expect(await sql.query(row)).toEqual([
            {
              period_id: A,
              programme_id: TEST_PROGRAMME_ID,
              system_name: 'Finance cloud',
              status: 'planned',
              go_live_at: new Date('2026-11-02T08:00:00.000Z'),
              planned_end_at: new Date('2026-11-23T08:00:00.000Z'),
              activated_at: null,
              closed_at: null,
              extension_count: 0,
              version: 0,
              configured_end: '2026-11-23T08:00:00.000Z',
            },
          ]),
        ));

    it('follows the lifecycle, counting extensions and moving the planned end', () =>
      spec()
        .given(a.planned(), a.activated('2026-11-02T08:05:00.000Z'))
        .when(
          a.extended('2026-11-30T08:00:00.000Z'),
          a.extended('2026-12-07T08:00:00.000Z', '2026-11-30T08:00:00.000Z'),
          a.exitReviewStarted(),
          a.closed('2026-12-07T09:00:00.000Z'),
        )
        .then(async (sql) =>
          expect(await sql.query(row)).toEqual([
            expect.objectContaining({
              status: 'closed',
              activated_at: new Date('2026-11-02T08:05:00.000Z'),
              closed_at: new Date('2026-12-07T09:00:00.000Z'),
              planned_end_at: new Date('2026-12-07T08:00:00.000Z'),
              configured_end: '2026-12-07T08:00:00.000Z',
              extension_count: 2,
              version: 5,
            }),
          ]),
        ));

    it('keeps what the close recorded: its summary, the tickets handed over, an override of the exit criteria', () => {
      const closed = a.closed('2026-11-24T08:00:00.000Z');
      const closing = {
        summary: 'Stable since week two',
        handedOver: ['0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e'],
        exitOverride: { reason: 'BAU owns the last P2', by: 'Tomás Lead', unmet: ['No open P2'] },
      };
      return spec()
        .given(a.planned(), a.activated())
        .when({ ...closed, data: { ...closed.data, ...closing } })
        .then(async (sql) =>
          expect(await sql.query('select closing from reporting.periods')).toEqual([{ closing }]),
        );
    });

    it('keeps status and activation when reconfigured, taking the new definition', () =>
      spec()
        .given(a.planned(), a.activated())
        .when(a.reconfigured({ systemName: 'Ledger' }))
        .then(async (sql) =>
          expect(await sql.query(row)).toEqual([
            expect.objectContaining({
              programme_id: TEST_PROGRAMME_ID,
              system_name: 'Ledger',
              status: 'active',
              activated_at: new Date('2026-11-02T08:00:00.000Z'),
              version: 2,
            }),
          ]),
        ));

    it('takes the version the publisher gave each event when it travelled with it', () =>
      spec()
        .given({ ...a.planned(), metadata: { streamVersion: 0 } })
        .when({ ...a.activated(), metadata: { streamVersion: 3 } })
        .then(async (sql) =>
          expect(await sql.query(row)).toEqual([expect.objectContaining({ status: 'active', version: 3 })]),
        ));

    it('ignores the lifecycle of a period it never saw planned', () =>
      spec()
        .given()
        .when(a.reconfigured(), a.activated(), a.closed())
        .then(async (sql) => expect(await sql.query(row)).toEqual([])));
  },
);
