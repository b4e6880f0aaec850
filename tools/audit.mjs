#!/usr/bin/env node
/**
 * `npm run audit`: the dependency audit a pipeline runs where its registry answers npm's audit
 * endpoint. Fails (exit 1) on any high or critical advisory of a production dependency that
 * `audit-allowlist.json` does not accept (each acceptance names the advisory, why, and until
 * when); exit 2 when the registry cannot audit at all, saying so instead of passing.
 * `--report <file>` reads a saved `npm audit --omit=dev --json` report instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const SEVERE = new Set(['high', 'critical']);
const reportArg = process.argv.indexOf('--report');

const report = () => {
  if (reportArg > 0) return JSON.parse(readFileSync(process.argv[reportArg + 1], 'utf8'));
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
  try {
    return JSON.parse(run.stdout);
  } catch {
    return { error: { summary: run.stderr.trim() || `npm audit exited ${run.status}` } };
  }
};

const allowed = existsSync('audit-allowlist.json')
  ? JSON.parse(readFileSync('audit-allowlist.json', 'utf8'))
  : [];
const today = new Date().toISOString().slice(0, 10);
const accepted = new Map(
  allowed.filter(({ until }) => until >= today).map(({ advisory, reason }) => [String(advisory), reason]),
);

const audit = report();
if (audit.error || !audit.vulnerabilities) {
  const why = audit.error?.summary || audit.message || 'the report has no vulnerabilities section';
  console.error(`The dependency audit could not run: ${why}`);
  process.exit(2);
}
const findings = Object.values(audit.vulnerabilities).flatMap(({ name, via }) =>
  via
    .filter((advisory) => typeof advisory === 'object' && SEVERE.has(advisory.severity))
    .map((advisory) => ({
      name,
      id: String(advisory.source),
      title: advisory.title,
      severity: advisory.severity,
      url: advisory.url,
    })),
);
const open = findings.filter(({ id }) => !accepted.has(id));
for (const { name, id, title, severity, url } of findings)
  console.log(
    `${accepted.has(id) ? 'accepted' : severity.toUpperCase()}  ${name}: ${title} (${id}) ${url}${accepted.has(id) ? ` — ${accepted.get(id)}` : ''}`,
  );
console.log(
  open.length
    ? `${open.length} high or critical advisories not accepted`
    : 'no high or critical advisory left open',
);
process.exit(open.length ? 1 : 0);
