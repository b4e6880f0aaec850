import { createHmac, timingSafeEqual } from 'node:crypto';
import { UnauthorizedException } from '@nestjs/common';

/** How far a Teams message's own timestamp may be from now: older is a replay. */
export const TEAMS_WINDOW_SECONDS = 300;

/**
 * A Teams outgoing webhook's signature of a body: base64 HMAC-SHA256 under the webhook's
 * security token (itself base64, decoded to the key), sent as `Authorization: HMAC <signature>`.
 */
export const teamsSignatureOf = (securityToken: string, body: Buffer | string): string =>
  createHmac('sha256', Buffer.from(securityToken, 'base64')).update(body).digest('base64');

/** Checks a request claims to come from the period's Teams outgoing webhook truthfully (401 saying why not). */
export const verifyTeamsRequest = (
  securityToken: string,
  authorization: string | undefined,
  body: Buffer,
): void => {
  const presented = /^HMAC ([A-Za-z0-9+/]{43}=)$/.exec(authorization?.trim() ?? '')?.[1];
  if (!presented)
    throw new UnauthorizedException(
      'Teams requests carry Authorization: HMAC <base64 HMAC-SHA256 of the body under the security token>',
    );
  const expected = Buffer.from(teamsSignatureOf(securityToken, body), 'base64');
  if (!timingSafeEqual(Buffer.from(presented, 'base64'), expected))
    throw new UnauthorizedException(
      "Authorization does not match the body under the period's Teams security token",
    );
};

/** Refuses a message whose own (signed) timestamp is not recent: Teams signs no time of its own. */
export const checkTeamsTimestamp = (timestamp: string, now: Date): void => {
  const skew = Math.abs(now.getTime() - Date.parse(timestamp)) / 1000;
  if (!(skew <= TEAMS_WINDOW_SECONDS))
    throw new UnauthorizedException(
      `the message's timestamp ${timestamp} is more than ${TEAMS_WINDOW_SECONDS} seconds from now: a replay, or a clock adrift`,
    );
};
