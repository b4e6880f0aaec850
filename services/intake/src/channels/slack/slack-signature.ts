import { createHmac, timingSafeEqual } from 'node:crypto';
import { UnauthorizedException } from '@nestjs/common';

/** How old a signed request may be: Slack's own window, so a captured request cannot be replayed later. */
export const SLACK_WINDOW_SECONDS = 300;

/** Slack's v0 signature of a request: HMAC-SHA256 of `v0:<timestamp>:<body>` under the signing secret. */
export const slackSignatureOf = (secret: string, timestamp: string, body: Buffer | string): string =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`;

/**
 * Checks a request claims to come from Slack truthfully: signed with our signing secret, less
 * than five minutes ago. Anything else is refused (401) saying which check failed.
 */
export const verifySlackRequest = (
  secret: string,
  headers: { timestamp?: string; signature?: string },
  body: Buffer,
  nowSeconds: number,
): void => {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature)
    throw new UnauthorizedException('Slack requests carry X-Slack-Request-Timestamp and X-Slack-Signature');
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > SLACK_WINDOW_SECONDS)
    throw new UnauthorizedException(
      `X-Slack-Request-Timestamp is more than ${SLACK_WINDOW_SECONDS} seconds from now: a replay, or a clock adrift`,
    );
  const expected = Buffer.from(slackSignatureOf(secret, timestamp, body));
  const presented = Buffer.from(signature);
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected))
    throw new UnauthorizedException('X-Slack-Signature does not match the body under our signing secret');
};
