#!/usr/bin/env node
/**
 * Builds the web console (services/console) into dist/services/console when its build is
 * missing or older than any of its sources; `--force` builds anyway. `npm start` and the
 * tests that drive a browser run it first, so a fresh clone needs nothing else.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const project = join(root, 'services/console');
const built = join(root, 'dist/services/console/index.html');

const newest = (path) =>
  statSync(path).isDirectory()
    ? Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))))
    : statSync(path).mtimeMs;

const stale = () =>
  !existsSync(built) ||
  Math.max(
    newest(join(project, 'src')),
    newest(join(project, 'index.html')),
    newest(join(project, 'vite.config.mts')),
  ) > statSync(built).mtimeMs;

if (process.argv.includes('--force') || stale()) {
  console.error('[console] building the web console (a few seconds, once)…');
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const { status } = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', project], {
    cwd: root,
    stdio: 'inherit',
  });
  if (status !== 0) process.exit(status ?? 1);
  console.error('[console] built into dist/services/console');
}
