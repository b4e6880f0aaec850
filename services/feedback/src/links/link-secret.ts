import { LinkTokens } from '@hypercare/auth';
import type { SqlClient } from '@hypercare/event-store';
import { randomBytes } from 'node:crypto';

/**
 * Feedback's link tokens: made under the database's link secret (made by the first instance
 * that starts), and taking as well those made under HYPERCARE_SIGNING_KEY, which intake signs
 * the survey links it sends with.
 */
export const openLinkTokens = async (sql: SqlClient, signingKey: string | undefined): Promise<LinkTokens> => {
  await sql.query('insert into feedback.link_secret (secret) values ($1) on conflict do nothing', [
    randomBytes(32).toString('base64url'),
  ]);
  const [row] = await sql.query<{ secret: string }>('select secret from feedback.link_secret');
  const secret = (row as { secret: string }).secret;
  return signingKey ? new LinkTokens(secret, signingKey) : new LinkTokens(secret);
};
