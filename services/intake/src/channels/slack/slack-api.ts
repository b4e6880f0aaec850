import { Inject, Injectable } from '@nestjs/common';
import type { Person } from '@hypercare/contracts';
import { SERVICE_CONFIG } from '@hypercare/service-kit';
import type { IntakeConfig } from '../../config';
import { throwIfRateLimited } from '../../notifications/http-post';

/** How long Slack's Web API may take to answer. */
const TIMEOUT_MS = 10_000;

/**
 * Text as Slack shows it literally: its control characters escaped, so what people wrote (a
 * title with `<!channel>` in it) can never mention or link anyone.
 */
export const slackText = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A message as `chat.postMessage` takes it: text for notifications, Block Kit blocks for the page. */
export interface SlackMessage {
  channel: string;
  text: string;
  blocks: ReadonlyArray<Record<string, unknown>>;
  thread_ts?: string;
  metadata?: { event_type: string; event_payload: Record<string, string> };
}

/**
 * The few Slack Web API methods intake calls (SLACK_API_URL, with SLACK_BOT_TOKEN): who a user
 * is, and posting a message. A 429 is raised with its Retry-After, an `ok: false` with Slack's
 * error code.
 */
@Injectable()
export class SlackApi {
  private readonly token: string | undefined;
  private readonly base: string;

  constructor(@Inject(SERVICE_CONFIG) config: IntakeConfig) {
    this.token = config.SLACK_BOT_TOKEN;
    this.base = config.SLACK_API_URL.replace(/\/$/, '');
  }

  /** Why intake cannot call Slack, when it cannot. */
  get unavailable(): string | undefined {
    return this.token ? undefined : 'SLACK_BOT_TOKEN is not set: kept in the log, not sent';
  }

  /** A Slack user as a person: their profile's name and email (scope users:read.email). */
  async person(userId: string): Promise<Person> {
    const answer = await this.call<{
      user: { real_name?: string; name?: string; profile?: { email?: string; real_name?: string } };
    }>('users.info', new URLSearchParams({ user: userId }));
    const { user } = answer;
    const email = user.profile?.email;
    if (!email)
      throw new Error(`Slack gives no email for user ${userId}: the app needs the users:read.email scope`);
    return { name: user.profile?.real_name || user.real_name || user.name || email, email };
  }

  /** The Slack user who signs in with an email (scope users:read.email). */
  async userIdOf(email: string): Promise<string> {
    return (await this.call<{ user: { id: string } }>('users.lookupByEmail', new URLSearchParams({ email })))
      .user.id;
  }

  /** Posts a message; answers its timestamp, which names it (and its thread) from then on. */
  async post(message: SlackMessage): Promise<string> {
    return (await this.call<{ ts: string }>('chat.postMessage', message)).ts;
  }

  /** Calls a method: its arguments form-encoded for a method that reads (Slack takes JSON only for writes). */
  private async call<T>(method: string, body: object | URLSearchParams): Promise<T> {
    if (!this.token) throw new Error('SLACK_BOT_TOKEN is not set');
    const form = body instanceof URLSearchParams;
    const response = await fetch(`${this.base}/${method}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${this.token}`,
        'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json; charset=utf-8',
      },
      body: form ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    throwIfRateLimited(response, 'Slack');
    if (!response.ok) throw new Error(`Slack ${method} answered ${response.status}`);
    const answer = (await response.json()) as { ok: boolean; error?: string } & T;
    if (!answer.ok) throw new Error(`Slack ${method} refused: ${answer.error ?? 'no reason given'}`);
    return answer;
  }
}
