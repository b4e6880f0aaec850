import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { InvalidCommand } from '@hypercare/domain-kit';
import type { SqlClient } from '@hypercare/event-store';

const TOKEN = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

const forged = (): InvalidCommand =>
  new InvalidCommand([{ field: 'token', message: 'is not a survey link of this platform' }]);

/**
 * A survey's link token: its id and a MAC of it under feedback's link secret, so the token is
 * the only authorisation (unguessable, and no token to store), while the survey itself makes
 * it single-use and expiring.
 */
export class SurveyTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'hypercare', 'survey links', 32));
  }

  /** With the database's link secret, made by the first instance that starts. */
  static async open(sql: SqlClient): Promise<SurveyTokens> {
    await sql.query('insert into feedback.link_secret (secret) values ($1) on conflict do nothing', [
      randomBytes(32).toString('base64url'),
    ]);
    const [row] = await sql.query<{ secret: string }>('select secret from feedback.link_secret');
    return new SurveyTokens((row as { secret: string }).secret);
  }

  tokenOf(surveyId: string): string {
    return `${surveyId}.${this.mac(surveyId).toString('base64url')}`;
  }

  /** The survey a token opens; 400 naming `token` when it is malformed or not one of ours. */
  surveyOf(token: string): string {
    const match = TOKEN.exec(token.trim());
    if (!match) throw forged();
    const [, surveyId, mac] = match as unknown as [string, string, string];
    const presented = Buffer.from(mac, 'base64url');
    const expected = this.mac(surveyId);
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) throw forged();
    return surveyId;
  }

  private mac(surveyId: string): Buffer {
    return createHmac('sha256', this.key).update(surveyId).digest();
  }
}
