import { Injectable } from '@nestjs/common';
import { TeamsPlaces } from '../channels/teams/teams-places';
import { postJson } from './http-post';
import type { NotificationChannel, Outgoing } from './notification-channel';
import { unmailable } from './notification-routes';

/** Who a mention names: a Teams reporter by their Entra object id, anyone else by their sign-in name (email). */
const mentionIdOf = (email: string): string => (unmailable(email) ? (email.split('@')[0] as string) : email);

/** A notification as an Adaptive Card for a Teams incoming webhook, mentioning its recipient. */
export const adaptiveCardOf = (notification: Outgoing) => {
  const mention = `<at>${notification.recipient.name}</at>`;
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: notification.subject, weight: 'Bolder', size: 'Medium', wrap: true },
            { type: 'TextBlock', text: `For ${mention}`, wrap: true },
            { type: 'TextBlock', text: notification.body, wrap: true },
            {
              type: 'TextBlock',
              text: `Hypercare · notification ${notification.notificationId}`,
              isSubtle: true,
              size: 'Small',
              wrap: true,
            },
          ],
          msteams: {
            width: 'Full',
            entities: [
              {
                type: 'mention',
                text: mention,
                mentioned: {
                  id: mentionIdOf(notification.recipient.email),
                  name: notification.recipient.name,
                },
              },
            ],
          },
        },
      },
    ],
  };
};

/**
 * Notifications posted in the period's Teams channel through its incoming webhook, as an
 * Adaptive Card mentioning the person it is for (so Teams alerts them), with its notification
 * id on the card, so a resend is recognisable.
 */
@Injectable()
export class TeamsChannel implements NotificationChannel {
  readonly unavailable = undefined;

  constructor(private readonly places: TeamsPlaces) {}

  async send(notification: Outgoing): Promise<void> {
    const url = await this.places.incomingWebhookOf(notification.periodId);
    if (!url) throw new Error(`period ${notification.periodId} has no Teams incoming webhook any more`);
    await postJson(url, JSON.stringify(adaptiveCardOf(notification)), {}, 'Teams');
  }
}
