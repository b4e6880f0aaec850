#!/usr/bin/env node
/**
 * The registry this project is built against does not serve every platform build of
 * packages with native binaries (@swc/core-darwin-x64, sass-embedded-win32-x64, ...), so
 * `npm install` leaves them out of package-lock.json and `npm ci` then refuses the lock as
 * out of sync. This adds a lock entry for each missing optional platform package, with the
 * os/cpu/libc npm uses to skip it on other platforms. Run it after changing dependencies:
 * `npm run lock:platforms`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;

const osTokens = [
  'darwin',
  'linux',
  'win32',
  'android',
  'freebsd',
  'openbsd',
  'netbsd',
  'sunos',
  'aix',
  'openharmony',
];
const cpuTokens = {
  x64: 'x64',
  arm64: 'arm64',
  arm: 'arm',
  ia32: 'ia32',
  ppc64: 'ppc64',
  s390x: 's390x',
  riscv64: 'riscv64',
  loong64: 'loong64',
};

const platformOf = (name) => {
  const tokens = name.split('/').pop().split('-');
  const os = osTokens.filter((token) => tokens.includes(token));
  const cpu = [...new Set(tokens.map((token) => cpuTokens[token]).filter(Boolean))];
  const libc = tokens.some((token) => token.startsWith('musl'))
    ? ['musl']
    : os.includes('linux') && tokens.includes('gnu')
      ? ['glibc']
      : [];
  // A build for no platform we can name is never installed from a stub.
  return { os: os.length ? os : ['unknown'], ...(cpu.length && { cpu }), ...(libc.length && { libc }) };
};

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    packages[`node_modules/${name}`] = {
      version: spec.replace(/^[\^~=]/, ''),
      optional: true,
      ...platformOf(name),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform package stub(s) added`);
