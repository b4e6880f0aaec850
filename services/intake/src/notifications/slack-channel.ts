import { Injectable } from '@nestjs/common';
import { SlackApi, slackText } from '../channels/slack/slack-api';
import { SlackPlaces } from '../channels/slack/slack-places';
import type { NotificationChannel, Outgoing } from './notification-channel';

/** A notification in Block Kit, its id in the message's metadata so a resend is recognisable. */
const messageOf = (notification: Outgoing) => ({
  text: notification.subject,
  blocks: [
    { type: 'section', text: { type: 'mrkdwn', text: `*${slackText(notification.subject)}*` } },
    { type: 'section', text: { type: 'plain_text', text: notification.body } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `For ${slackText(notification.recipient.name)} · Hypercare` }],
    },
  ],
  metadata: {
    event_type: 'hypercare_notification',
    event_payload: { notification_id: notification.notificationId },
  },
});

/**
 * Notifications to a reporter whose ticket was reported in Slack, posted in the ticket's
 * thread, where they reported it and where their replies become comments.
 */
@Injectable()
export class SlackChannel implements NotificationChannel {
  constructor(
    private readonly slack: SlackApi,
    private readonly places: SlackPlaces,
  ) {}

  get unavailable(): string | undefined {
    return this.slack.unavailable;
  }

  async send(notification: Outgoing): Promise<void> {
    const thread = notification.ticketId ? await this.places.threadOf(notification.ticketId) : undefined;
    if (!thread) throw new Error(`ticket ${notification.ticketId} has no Slack thread`);
    await this.slack.post({
      channel: thread.channelId,
      thread_ts: thread.threadTs,
      ...messageOf(notification),
    });
  }
}

/**
 * Notifications to whoever chose Slack, as a direct message from the app: the person is found
 * by their email (scope users:read.email), so they must be in the workspace under it.
 */
@Injectable()
export class SlackDirectChannel implements NotificationChannel {
  constructor(private readonly slack: SlackApi) {}

  get unavailable(): string | undefined {
    return this.slack.unavailable;
  }

  async send(notification: Outgoing): Promise<void> {
    const userId = await this.slack.userIdOf(notification.recipient.email);
    await this.slack.post({ channel: userId, ...messageOf(notification) });
  }
}
