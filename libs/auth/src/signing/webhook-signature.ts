import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header a webhook delivery (reporting's events, intake's notifications) is signed in: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const WEBHOOK_SIGNATURE_HEADER = 'hypercare-signature';

const mac = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/** The signature header of a body sent at `timestamp`. */
export const webhookSignatureOf = (secret: string, timestamp: number, body: string): string =>
  `t=${timestamp},v1=${mac(secret, timestamp, body)}`;

/**
 * Whether a received delivery is genuine and recent: what a receiver checks (docs show the same
 * in a few lines), refusing one older than `toleranceSeconds` as a possible replay.
 */
export const verifyWebhookSignature = (
  secret: string,
  header: string,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean => {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]));
  const timestamp = Number(parts['t']);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(mac(secret, timestamp, body), 'hex');
  const given = Buffer.from(parts['v1'] ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
};
