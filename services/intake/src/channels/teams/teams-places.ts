import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@hypercare/event-store';
import { ServiceRuntime } from '@hypercare/runtime';
import type { z } from 'zod';
import { ChannelSecrets } from '../channel-secrets';
import type { teamsChannelView } from './teams.schemas';

interface Row {
  sealed_secret: string | null;
  sealed_url: string | null;
  configured_at: Date;
  configured_by: string;
}

/**
 * Where Teams and the platform meet: each period's Teams channel (its outgoing webhook's
 * security token and its incoming webhook, both kept sealed) and the conversation each ticket
 * reported there lives in.
 */
@Injectable()
export class TeamsPlaces {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly secrets: ChannelSecrets,
  ) {}

  /** Sets what is given of the period's Teams channel, keeping what is not. */
  async configure(
    periodId: string,
    given: { securityToken?: string; incomingWebhookUrl?: string },
    by: string,
  ): Promise<void> {
    const seal = (value?: string) => (value === undefined ? null : this.secrets.seal(value));
    await this.runtime.sql.query(
      `insert into intake.teams_channels (period_id, sealed_secret, sealed_url, configured_at, configured_by)
       values ($1, $2, $3, now(), $4)
       on conflict (period_id) do update set sealed_secret = coalesce(excluded.sealed_secret, teams_channels.sealed_secret),
         sealed_url = coalesce(excluded.sealed_url, teams_channels.sealed_url),
         configured_at = excluded.configured_at, configured_by = excluded.configured_by`,
      [periodId, seal(given.securityToken), seal(given.incomingWebhookUrl), by],
    );
  }

  async view(periodId: string): Promise<z.input<typeof teamsChannelView>> {
    const row = await this.row(periodId);
    return {
      periodId,
      inbound: Boolean(row?.sealed_secret),
      outbound: Boolean(row?.sealed_url),
      configuredAt: row?.configured_at.toISOString() ?? null,
      configuredBy: row?.configured_by ?? null,
    };
  }

  /** The period's outgoing webhook's security token, if it has one. */
  async securityTokenOf(periodId: string): Promise<string | undefined> {
    const sealed = (await this.row(periodId))?.sealed_secret;
    return sealed ? this.secrets.open(sealed) : undefined;
  }

  /** The period's incoming webhook, if it has one. */
  async incomingWebhookOf(periodId: string): Promise<string | undefined> {
    const sealed = (await this.row(periodId))?.sealed_url;
    return sealed ? this.secrets.open(sealed) : undefined;
  }

  /** The ticket a conversation (a post and its replies) is about, if it is one of ours. */
  async ticketOf(conversationId: string): Promise<string | undefined> {
    const [row] = await this.runtime.sql.query<{ ticket_id: string }>(
      'select ticket_id from intake.teams_threads where conversation_id = $1',
      [conversationId],
    );
    return row?.ticket_id;
  }

  /** Records a ticket's conversation, in the transaction that records its report. */
  static async recordThread(tx: SqlExecutor, ticketId: string, conversationId: string): Promise<void> {
    await tx.query('insert into intake.teams_threads (ticket_id, conversation_id) values ($1, $2)', [
      ticketId,
      conversationId,
    ]);
  }

  private async row(periodId: string): Promise<Row | undefined> {
    const [row] = await this.runtime.sql.query<Row>(
      'select sealed_secret, sealed_url, configured_at, configured_by from intake.teams_channels where period_id = $1',
      [periodId],
    );
    return row;
  }
}
