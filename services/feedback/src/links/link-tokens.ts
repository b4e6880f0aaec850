import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { InvalidCommand } from '@hypercare/domain-kit';
import type { SqlClient } from '@hypercare/event-store';

const TOKEN = /^([0-9a-f:-]{36,100})\.([A-Za-z0-9_-]{43})$/;

/**
 * The link tokens of surveys and pulses: an id and a MAC of it under feedback's link secret,
 * so the token is the only authorisation (unguessable, and no token to store), while what it
 * opens makes it single-use and expiring. Each kind of link has ids of its own shape, so a
 * token of one kind opens nothing of another.
 */
export class LinkTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'hypercare', 'survey links', 32));
  }

  /** With the database's link secret, made by the first instance that starts. */
  static async open(sql: SqlClient): Promise<LinkTokens> {
    await sql.query('insert into feedback.link_secret (secret) values ($1) on conflict do nothing', [
      randomBytes(32).toString('base64url'),
    ]);
    const [row] = await sql.query<{ secret: string }>('select secret from feedback.link_secret');
    return new LinkTokens((row as { secret: string }).secret);
  }

  tokenOf(id: string): string {
    return `${id}.${this.mac(id).toString('base64url')}`;
  }

  /**
   * The id a token carries, when it has the shape of `kind`'s ids and our MAC; otherwise a 400
   * naming `token`.
   */
  idOf(token: string, kind: { name: string; ids: RegExp }): string {
    const match = TOKEN.exec(token.trim());
    const [, id, mac] = (match ?? []) as [string?, string?, string?];
    if (id && mac && kind.ids.test(id)) {
      const presented = Buffer.from(mac, 'base64url');
      const expected = this.mac(id);
      if (presented.length === expected.length && timingSafeEqual(presented, expected)) return id;
    }
    throw new InvalidCommand([{ field: 'token', message: `is not a ${kind.name} link of this platform` }]);
  }

  /** A one-way digest of a text under the link secret: the same text, the same digest. */
  digest(text: string): string {
    return this.mac(`digest:${text}`).toString('base64url');
  }

  private mac(text: string): Buffer {
    return createHmac('sha256', this.key).update(text).digest();
  }
}
