import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateApiKey } from '@hypercare/auth';

/** A secret the all-in-one process starts with, and whether this start made it. */
export interface KeptSecret {
  value: string;
  /** The file it is kept in, readable by its owner only. */
  file: string;
  created: boolean;
}

/**
 * The embedded default stays two commands: its first start makes the secrets a deployment
 * is otherwise given and keeps them in the data folder; later starts reuse them. When the
 * variable is given, it is used instead and nothing is written.
 */
const keptSecret = (dataDir: string, name: string, make: () => string): KeptSecret => {
  const file = join(resolve(dataDir), name);
  if (existsSync(file)) return { value: readFileSync(file, 'utf8').trim(), file, created: false };
  mkdirSync(resolve(dataDir), { recursive: true });
  const value = make();
  writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  return { value, file, created: true };
};

/** The platform admin key (the platform itself keeps only its hash; this is the operator's copy). */
export const adminKey = (dataDir: string, given: string | undefined): KeptSecret | undefined =>
  given ? undefined : keptSecret(dataDir, 'admin-api-key', () => generateApiKey().text);

/** The key API keys' signing secrets are sealed under (HYPERCARE_SIGNING_KEY). */
export const signingKey = (dataDir: string, given: string | undefined): string =>
  given ?? keptSecret(dataDir, 'signing-key', () => randomBytes(32).toString('hex')).value;
