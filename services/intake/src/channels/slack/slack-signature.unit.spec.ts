import { UnauthorizedException } from '@nestjs/common';
import { slackSignatureOf, verifySlackRequest } from './slack-signature';

// Slack's worked example, from "Verifying requests from Slack" (api.slack.com/authentication/verifying-requests-from-slack).
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const TIMESTAMP = '1531420618';
const BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';

const refused = (message: RegExp) => (check: () => void) => {
  expect(check).toThrow(UnauthorizedException);
  expect(check).toThrow(message);
};

describe("Slack's request signatures", () => {
  it("sign Slack's published example as Slack does", () => {
    expect(slackSignatureOf(SECRET, TIMESTAMP, BODY)).toBe(SIGNATURE);
  });

  it('let through a request signed within five minutes', () => {
    expect(() =>
      verifySlackRequest(
        SECRET,
        { timestamp: TIMESTAMP, signature: SIGNATURE },
        Buffer.from(BODY),
        1531420618 + 299,
      ),
    ).not.toThrow();
  });

  it('refuse a request replayed later, or signed in the future', () => {
    for (const now of [1531420618 + 301, 1531420618 - 301])
      refused(/more than 300 seconds from now/)(() =>
        verifySlackRequest(SECRET, { timestamp: TIMESTAMP, signature: SIGNATURE }, Buffer.from(BODY), now),
      );
  });

  it('refuse a changed body, another secret, and a request without the headers', () => {
    const now = Number(TIMESTAMP);
    refused(/does not match/)(() =>
      verifySlackRequest(
        SECRET,
        { timestamp: TIMESTAMP, signature: SIGNATURE },
        Buffer.from(`${BODY}x`),
        now,
      ),
    );
    refused(/does not match/)(() =>
      verifySlackRequest('another', { timestamp: TIMESTAMP, signature: SIGNATURE }, Buffer.from(BODY), now),
    );
    refused(/carry X-Slack-Request-Timestamp and X-Slack-Signature/)(() =>
      verifySlackRequest(SECRET, { timestamp: TIMESTAMP }, Buffer.from(BODY), now),
    );
  });
});
