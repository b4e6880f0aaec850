import { createHmac, timingSafeEqual } from 'node:crypto';
import { Unauthenticated } from '../unauthenticated';

/** The headers of a signed request; Grafana's default signature header is accepted as well. */
export const SIGNATURE_HEADERS = {
  keyId: 'x-hypercare-key-id',
  timestamp: 'x-hypercare-timestamp',
  signature: 'x-hypercare-signature',
  grafanaSignature: 'x-grafana-alerting-signature',
} as const;

/** How far a signed request's timestamp may be from now: older is a replay, newer a wrong clock. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** What a signed request presents: whose secret signed, when, what, and the bytes signed. */
export interface SignedRequest {
  keyId: string;
  timestamp: string;
  signature: string;
  body: Buffer;
}

/** The signature of a body at a time: hex HMAC-SHA256 of `<unix seconds>:<body>`, as Grafana makes it. */
export const signatureOf = (secret: string, timestamp: string, body: Buffer | string): string =>
  createHmac('sha256', secret).update(`${timestamp}:`).update(body).digest('hex');

/** The headers that sign `body` now with a key's signing secret (for scripts and tests). */
export const signedHeaders = (
  keyId: string,
  secret: string,
  body: Buffer | string,
  now: Date = new Date(),
): Record<string, string> => {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    'X-Hypercare-Key-Id': keyId,
    'X-Hypercare-Timestamp': timestamp,
    'X-Hypercare-Signature': signatureOf(secret, timestamp, body),
  };
};

const HEX_SHA256 = /^(?:sha256=)?([0-9a-f]{64})$/i;

/** Refuses, naming the header, a request whose timestamp is not recent; answers nothing otherwise. */
export const checkTimestamp = (timestamp: string, now: Date): void => {
  if (!/^\d{1,12}$/.test(timestamp))
    throw new Unauthenticated(`X-Hypercare-Timestamp must be Unix seconds, was "${timestamp.slice(0, 40)}"`);
  const skew = Math.round(now.getTime() / 1000 - Number(timestamp));
  if (Math.abs(skew) > SIGNATURE_TOLERANCE_SECONDS)
    throw new Unauthenticated(
      `X-Hypercare-Timestamp ${timestamp} is ${Math.abs(skew)} s ${skew > 0 ? 'old' : 'ahead'}; signed requests are accepted within ${SIGNATURE_TOLERANCE_SECONDS} s of now (a replayed request, or a clock out of step)`,
    );
};

/** Refuses, naming the header, a signature that is not the body's under `secret`. */
export const checkSignature = (request: SignedRequest, secret: string): void => {
  const presented = HEX_SHA256.exec(request.signature.trim())?.[1];
  if (!presented)
    throw new Unauthenticated('X-Hypercare-Signature must be a hex HMAC-SHA256 (64 hex digits)');
  const expected = Buffer.from(signatureOf(secret, request.timestamp, request.body), 'hex');
  if (!timingSafeEqual(Buffer.from(presented.toLowerCase(), 'hex'), expected))
    throw new Unauthenticated(
      "X-Hypercare-Signature does not match: expected the hex HMAC-SHA256 of '<X-Hypercare-Timestamp>:<body>' under the key's signing secret",
    );
};
