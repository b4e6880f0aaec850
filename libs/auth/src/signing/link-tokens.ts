import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { InvalidCommand } from '@hypercare/domain-kit';

const TOKEN = /^([0-9a-f:-]{36,100})\.([A-Za-z0-9_-]{43})$/;

const keyOf = (secret: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, 'hypercare', 'survey links', 32));

/**
 * The link tokens of surveys and pulses: an id and a MAC of it under a link secret, so the
 * token is the only authorisation (unguessable, and no token to store), while what it opens
 * makes it single-use and expiring. Each kind of link has ids of its own shape, so a token of
 * one kind opens nothing of another. Tokens are made under the first secret; those of every
 * secret given are taken (feedback's own, and the one intake makes the links it sends with).
 */
export class LinkTokens {
  private readonly key: Buffer;
  private readonly accepted: Buffer[];

  constructor(secret: string, ...alsoAccepted: string[]) {
    this.key = keyOf(secret);
    this.accepted = [this.key, ...alsoAccepted.map(keyOf)];
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
      const matches = (key: Buffer) => {
        const expected = this.mac(id, key);
        return presented.length === expected.length && timingSafeEqual(presented, expected);
      };
      if (this.accepted.some(matches)) return id;
    }
    throw new InvalidCommand([{ field: 'token', message: `is not a ${kind.name} link of this platform` }]);
  }

  /** A one-way digest of a text under the link secret: the same text, the same digest. */
  digest(text: string): string {
    return this.mac(`digest:${text}`).toString('base64url');
  }

  private mac(text: string, key = this.key): Buffer {
    return createHmac('sha256', key).update(text).digest();
  }
}
