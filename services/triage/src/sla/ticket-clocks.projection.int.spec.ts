import { ticketEvents } from '@hypercare/contracts/testing';
import { describeProjection } from '@hypercare/projections/testing';
import { TriageSchema1764400001000 } from '../database/triage-schema.migration';
import { ticketClocksProjection } from './ticket-clocks.projection';

const PERIOD = '5b0f3c1e-8d2a-4c6e-9f10-2a3b4c5d6e7f';
const A = '0b9a8a8e-6a40-4d4e-9d61-0d5b7f0e2c11';
const B = '1c0b9b9f-7b51-4e5f-8e6c-1e6c8f1f3d22';
const a = ticketEvents(A, PERIOD);
const b = ticketEvents(B, PERIOD);
const ACK_DUE = new Date('2026-11-03T09:15:00.000Z');
const RESOLVE_DUE = new Date('2026-11-03T13:00:00.000Z');
const timers =
  "select ticket_id, next_due_at, state->>'status' as status from triage.ticket_clocks order by ticket_id";

describeProjection(
  'the SLA timers',
  ticketClocksProjection,
  { schema: 'triage', migrations: [TriageSchema1764400001000] },
  (spec) => {
    it('sets no timer before triage gives a ticket its deadlines', () =>
      spec()
        .given()
        .when(a.opened())
        .then(async (sql) =>
          expect(await sql.query(timers)).toEqual([{ ticket_id: A, next_due_at: null, status: 'new' }]),
        ));

    it('waits for the acknowledge deadline once triaged, then for the resolve deadline once acknowledged', () =>
      spec()
        .given(a.opened(), b.opened())
        .when(
          a.triaged('2026-11-03T09:02:00.000Z', 'P1'),
          b.triaged('2026-11-03T09:02:00.000Z', 'P1'),
          b.acknowledged('2026-11-03T09:05:00.000Z'),
        )
        .then(async (sql) =>
          expect(await sql.query(timers)).toEqual([
            { ticket_id: A, next_due_at: ACK_DUE, status: 'triaged' },
            { ticket_id: B, next_due_at: RESOLVE_DUE, status: 'acknowledged' },
          ]),
        ));

    it('moves on to the resolve deadline once the acknowledge breach is recorded', () =>
      spec()
        .given(a.opened(), a.triaged('2026-11-03T09:02:00.000Z', 'P1'))
        .when(a.slaBreached('2026-11-03T09:16:00.000Z', 'acknowledge', ACK_DUE.toISOString()))
        .then(async (sql) =>
          expect(await sql.query(timers)).toEqual([
            { ticket_id: A, next_due_at: RESOLVE_DUE, status: 'triaged' },
          ]),
        ));

    it('stops every timer once resolved, and sets them again when reopened before the deadline', () =>
      spec()
        .given(
          a.opened(),
          a.triaged('2026-11-03T09:02:00.000Z', 'P1'),
          a.acknowledged('2026-11-03T09:05:00.000Z'),
          a.started('2026-11-03T09:06:00.000Z'),
        )
        .when(a.resolved('2026-11-03T10:00:00.000Z'), b.opened(), a.reopened('2026-11-03T11:00:00.000Z'))
        .then(async (sql) =>
          expect(await sql.query(timers)).toEqual([
            { ticket_id: A, next_due_at: RESOLVE_DUE, status: 'in-progress' },
            { ticket_id: B, next_due_at: null, status: 'new' },
          ]),
        ));
  },
);
