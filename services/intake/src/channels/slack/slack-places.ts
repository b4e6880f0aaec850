import { Injectable } from '@nestjs/common';
import { Conflict } from '@hypercare/domain-kit';
import type { SqlExecutor } from '@hypercare/event-store';
import { ServiceRuntime } from '@hypercare/runtime';

export interface SlackThread {
  channelId: string;
  threadTs: string;
}

/** Where Slack and the platform meet: each period's channel, and each ticket's thread in it. */
@Injectable()
export class SlackPlaces {
  constructor(private readonly runtime: ServiceRuntime) {}

  /** Makes a channel the period's (replacing its previous one); a channel serves one period. */
  async map(periodId: string, channelId: string, by: string): Promise<void> {
    const [taken] = await this.runtime.sql.query<{ period_id: string }>(
      'select period_id from intake.slack_channels where channel_id = $1 and period_id <> $2',
      [channelId, periodId],
    );
    if (taken) throw new Conflict(`Slack channel ${channelId} is already period ${taken.period_id}'s`);
    await this.runtime.sql.query(
      `with gone as (delete from intake.slack_channels where period_id = $2)
       insert into intake.slack_channels (channel_id, period_id, mapped_at, mapped_by) values ($1, $2, now(), $3)
       on conflict (channel_id) do update set mapped_at = excluded.mapped_at, mapped_by = excluded.mapped_by`,
      [channelId, periodId, by],
    );
  }

  async channelOf(periodId: string): Promise<string | undefined> {
    const [row] = await this.runtime.sql.query<{ channel_id: string }>(
      'select channel_id from intake.slack_channels where period_id = $1',
      [periodId],
    );
    return row?.channel_id;
  }

  async periodOf(channelId: string): Promise<string | undefined> {
    const [row] = await this.runtime.sql.query<{ period_id: string }>(
      'select period_id from intake.slack_channels where channel_id = $1',
      [channelId],
    );
    return row?.period_id;
  }

  /** The ticket a thread of a channel is about, if it is one of ours. */
  async ticketOf({ channelId, threadTs }: SlackThread): Promise<string | undefined> {
    const [row] = await this.runtime.sql.query<{ ticket_id: string }>(
      'select ticket_id from intake.slack_threads where channel_id = $1 and thread_ts = $2',
      [channelId, threadTs],
    );
    return row?.ticket_id;
  }

  /** The thread a ticket reported in Slack lives in. */
  async threadOf(ticketId: string): Promise<SlackThread | undefined> {
    const [row] = await this.runtime.sql.query<{ channel_id: string; thread_ts: string }>(
      'select channel_id, thread_ts from intake.slack_threads where ticket_id = $1',
      [ticketId],
    );
    return row && { channelId: row.channel_id, threadTs: row.thread_ts };
  }

  /** Records a ticket's thread, in the transaction that records its report. */
  static async recordThread(
    tx: SqlExecutor,
    ticketId: string,
    { channelId, threadTs }: SlackThread,
  ): Promise<void> {
    await tx.query(
      'insert into intake.slack_threads (ticket_id, channel_id, thread_ts) values ($1, $2, $3)',
      [ticketId, channelId, threadTs],
    );
  }
}
