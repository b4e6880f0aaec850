import type { NotificationKind } from './notification-rules';

/** A notification as it goes out: who, what, and the ids a retry and a reply are known by. */
export interface Outgoing {
  notificationId: string;
  kind: NotificationKind;
  periodId: string;
  ticketId: string | null;
  recipient: { name: string; email: string };
  subject: string;
  body: string;
}

/** A way notifications reach people. */
export interface NotificationChannel {
  /** Why it cannot send, when it cannot (nothing configured to send through): its notifications are kept in the log. */
  readonly unavailable: string | undefined;
  send(notification: Outgoing): Promise<void>;
}

/** The channel asked to be tried again no sooner than `seconds` from now (an HTTP 429's Retry-After). */
export class RetryLater extends Error {
  constructor(
    readonly seconds: number,
    message: string,
  ) {
    super(message);
    this.name = 'RetryLater';
  }
}
