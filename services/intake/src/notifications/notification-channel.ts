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
  /** Whether it can send; one that cannot keeps its notifications in the log. */
  readonly configured: boolean;
  /** Why it cannot, for the log. */
  readonly notConfigured: string;
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
