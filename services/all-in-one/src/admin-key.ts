import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateApiKey } from '@hypercare/auth';

/** The platform admin key the all-in-one process starts with, and whether this start made it. */
export interface AdminKey {
  key: string;
  /** The file the operator's copy is kept in (the platform itself keeps only its hash). */
  file: string;
  created: boolean;
}

/**
 * The embedded default stays two commands: its first start makes a platform admin key and
 * keeps the operator's copy in the data folder, readable by its owner only; later starts
 * reuse it. HYPERCARE_ADMIN_API_KEY, when given, is used instead and nothing is written.
 */
export const adminKey = (dataDir: string, given: string | undefined): AdminKey | undefined => {
  const file = join(resolve(dataDir), 'admin-api-key');
  if (given) return undefined;
  if (existsSync(file)) return { key: readFileSync(file, 'utf8').trim(), file, created: false };
  mkdirSync(resolve(dataDir), { recursive: true });
  const { text } = generateApiKey();
  writeFileSync(file, `${text}\n`, { mode: 0o600, flag: 'wx' });
  return { key: text, file, created: true };
};
