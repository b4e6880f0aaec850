import { ticketEvents } from '@hypercare/contracts/testing';
import { describeProjection } from '@hypercare/projections/testing';
import { BacklogItems1765000012000 } from '../database/backlog-items.migration';
import { ReportingProgrammes1765000002000 } from '../database/reporting-programmes.migration';
import { ReportingReceived1764400002000 } from '../database/reporting-received.migration';
import { ReportingSchema1700000000001 } from '../database/reporting-schema.migration';
import { backlogProjection } from './backlog.projection';

const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const T1 = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const T2 = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const SUGGESTION = '4a1b2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const migrations = [
  ReportingSchema1700000000001,
  ReportingReceived1764400002000,
  ReportingProgrammes1765000002000,
  BacklogItems1765000012000,
];
const decided = (ticketId: string, decision: 'defer-to-backlog' | 'hotfix', at: string) => {
  const event = ticketEvents(ticketId, PERIOD).decided(at);
  return { ...event, data: { ...event.data, decision, rationale: `Decided ${decision}` } };
};
const rows =
  'select item_id, source, source_id, text, added_by from reporting.backlog_items order by added_at';

describeProjection(
  'the enhancement backlog',
  backlogProjection,
  { schema: 'reporting', migrations },
  (spec) => {
    it('lists deferred suggestions and tickets whose latest decision is defer-to-backlog', () =>
      spec()
        .given()
        .when(
          {
            type: 'hypercare.feedback.deferred-to-backlog.v1',
            data: {
              feedbackId: SUGGESTION,
              periodId: PERIOD,
              title: 'Approve from e-mail',
              by: 'Priya PM',
              at: '2026-11-03T09:00:00.000Z',
            },
          },
          decided(T1, 'defer-to-backlog', '2026-11-03T10:00:00.000Z'),
          decided(T2, 'defer-to-backlog', '2026-11-03T11:00:00.000Z'),
          decided(T2, 'hotfix', '2026-11-03T12:00:00.000Z'),
          decided(T1, 'hotfix', '2026-11-03T12:00:00.000Z'),
          decided(T1, 'defer-to-backlog', '2026-11-03T13:00:00.000Z'),
        )
        .then(async (sql) =>
          expect(await sql.query(rows)).toEqual([
            {
              item_id: `suggestion:${SUGGESTION}`,
              source: 'suggestion',
              source_id: SUGGESTION,
              text: 'Approve from e-mail',
              added_by: 'Priya PM',
            },
            {
              item_id: `ticket:${T1}`,
              source: 'ticket',
              source_id: T1,
              text: 'Decided defer-to-backlog',
              added_by: 'sam@example.com',
            },
          ]),
        ));
  },
);
