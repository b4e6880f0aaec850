import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'hck';
const KEY = /^hck_([a-z0-9]{16})_([A-Za-z0-9_-]{43})$/;

/** An API key as its holder sends it: `hck_<id>_<secret>`; only the id is ever stored in clear. */
export interface ApiKeySecret {
  id: string;
  secret: string;
  text: string;
}

/** A fresh key: a 16-character lookup id and 256 random bits of secret. */
export const generateApiKey = (): ApiKeySecret => {
  const id = randomBytes(10).toString('hex').slice(0, 16);
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, text: `${PREFIX}_${id}_${secret}` };
};

/** The key in a presented text, or undefined when the text is not shaped like one of ours. */
export const parseApiKey = (text: string): ApiKeySecret | undefined => {
  const match = KEY.exec(text);
  return match ? { id: match[1] as string, secret: match[2] as string, text } : undefined;
};

/**
 * What is stored of a secret: its SHA-256. A key carries 256 random bits, so a slow
 * password hash would add cost per request and no protection.
 */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Whether `secret` is the one whose hash is stored, in time that does not depend on where they differ. */
export const secretMatches = (secret: string, storedHash: string): boolean => {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
};
