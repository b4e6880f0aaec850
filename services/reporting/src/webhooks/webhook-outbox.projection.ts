import { exitContracts, handoffContracts, standupContracts } from '@hypercare/contracts';
import { defineProjection } from '@hypercare/projections';

/** Which subscription names a family of events. */
export const WEBHOOK_EVENTS = {
  handoff: 'hypercare.handoff.',
  exit: 'hypercare.exit.',
  standup: 'hypercare.standup.',
} as const;
export type WebhookEvents = keyof typeof WEBHOOK_EVENTS;

/**
 * What a delivery of an event sends (the body, `payload`) and keeps beside it. `position` orders
 * the events of the store: deliveries are retried apart, so they may arrive out of order.
 */
export const deliveryOf = (event: {
  id: string;
  type: string;
  position: number;
  recordedAt: Date;
  data: unknown;
}) => {
  const { periodId } = event.data as { periodId: string };
  const time = event.recordedAt.toISOString();
  return {
    event_id: event.id,
    type: event.type,
    period_id: periodId,
    recorded_at: time,
    payload: { id: event.id, type: event.type, position: event.position, time, periodId, data: event.data },
  };
};

/**
 * The webhooks' outbox: each handoff or exit event reporting records becomes one delivery per
 * webhook of its period's programme subscribed to its family, in the transaction that moves
 * this projection's checkpoint, so none is lost. It empties nothing on a rebuild, and a replay
 * adds no delivery twice.
 */
export const webhookOutboxProjection = defineProjection({
  name: 'webhook-outbox',
  contracts: [...handoffContracts, ...exitContracts, ...standupContracts],
  tables: [],
  apply: async (events, tx) => {
    const rows = events.map(deliveryOf);
    await tx.query(
      `insert into reporting.webhook_deliveries
         (webhook_id, event_id, type, period_id, payload, recorded_at, next_attempt_at)
       select w.webhook_id, e.event_id, e.type, e.period_id, e.payload, e.recorded_at, now()
         from jsonb_to_recordset($1::jsonb)
           as e (event_id text, type text, period_id text, payload jsonb, recorded_at timestamptz)
         join reporting.periods p on p.period_id = e.period_id
         join reporting.webhooks w on w.programme_id = p.programme_id and w.removed_at is null
          and w.created_at <= e.recorded_at
          and exists (select 1 from unnest(w.events) f where e.type like ($2::jsonb ->> f) || '%')
       on conflict (webhook_id, event_id) do nothing`,
      [JSON.stringify(rows), JSON.stringify(WEBHOOK_EVENTS)],
    );
  },
});
