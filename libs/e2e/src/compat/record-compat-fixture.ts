/**
 * Records the compatibility fixture: seeds the compatibility scenario into an all-in-one
 * platform of an earlier version running on a PostgreSQL database, writes every answer the
 * scenario's readers get, and dumps the database. How the fixture of b1fc966 was made:
 *
 *   git worktree add /tmp/old b1fc966 && ln -s "$PWD/node_modules" /tmp/old/node_modules
 *   (cd /tmp/old && DATABASE_URL=postgres://postgres@127.0.0.1:5432/compat HYPERCARE_CLOCK=manual \
 *     SLA_CHECK_INTERVAL_MS=100 PORT=3900 npm start)
 *   BASE_URL=http://127.0.0.1:3900 DATABASE_URL=postgres://postgres@127.0.0.1:5432/compat \
 *     FIXTURE=libs/e2e/fixtures/compat-b1fc966 \
 *     SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/e2e/src/compat/record-compat-fixture.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HypercareClient } from '@hypercare/client';
import { readAnswers, seedCompatScenario } from './compat-scenario';

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set (see the comment at the top of this file)`);
  return value;
};

const record = async (): Promise<void> => {
  const client = HypercareClient.allInOne(required('BASE_URL'));
  const folder = required('FIXTURE');
  const ids = await seedCompatScenario(client);
  process.stdout.write(
    `seeded ${ids.tickets.length} tickets in ${ids.periods.length} periods; waiting for the readers to settle\n`,
  );
  // Settled: two readings a second apart give the same answers.
  let answers = await readAnswers(client, ids);
  for (let previous = ''; previous !== JSON.stringify(answers); answers = await readAnswers(client, ids)) {
    previous = JSON.stringify(answers);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'answers.json'), JSON.stringify({ ids, answers }, null, 1));
  const dump = execFileSync(
    'pg_dump',
    ['--inserts', '--no-owner', '--no-privileges', required('DATABASE_URL')],
    { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
  )
    // psql's meta-commands (\restrict): the fixture is loaded as plain SQL.
    .replace(/^\\.*$/gm, '');
  writeFileSync(join(folder, 'database.sql'), dump);
  process.stdout.write(`wrote ${folder}/answers.json and ${folder}/database.sql (${dump.length} bytes)\n`);
};

record().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
