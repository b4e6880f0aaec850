#!/usr/bin/env node
/**
 * The workspace's one test command: lint, typecheck, every project's tests, the domain's
 * mutation score (incremental: only what changed since the committed state is mutated again;
 * under 90% fails), then each failed test by name (so a truncated log still shows it) and
 * one total line ("tests: N passed, N failed, N skipped"). Exits non-zero if any step failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'tmp/test-results');
const extra = process.argv.slice(2);

const nx = (...args) =>
  spawnSync('npx', ['nx', 'run-many', ...args, ...extra], { cwd: root, stdio: 'inherit' }).status ?? 1;

rmSync(results, { recursive: true, force: true });
const checks = nx('-t', 'lint', 'typecheck');
const tests = nx('-t', 'test', '--parallel=1', '--skip-nx-cache', '--output-style=static');
const mutation = nx('-t', 'mutation', '--output-style=static');

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
for (const file of existsSync(results) ? readdirSync(results) : []) {
  const counts = JSON.parse(readFileSync(join(results, file), 'utf8'));
  for (const key of Object.keys(totals)) totals[key] += counts[key];
  failures.push(...(counts.failures ?? []));
}
for (const { name, message } of failures) console.error(`failed: ${name}\n${message.replace(/^/gm, '  ')}`);
if (checks !== 0) console.error('lint or typecheck failed');
if (mutation !== 0) console.error('the mutation score of the domain is under 90% (see tmp/mutation/report.html)');
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(checks !== 0 || tests !== 0 || mutation !== 0 || totals.failed > 0 ? 1 : 0);
