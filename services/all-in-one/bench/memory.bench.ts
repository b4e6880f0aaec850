/**
 * `npm run bench:memory`: the all-in-one's resident memory as `npm start` and `npm run demo`
 * run it (their scripts' environment, read from package.json): idle after a first start,
 * throughout the demo's seeding and idle after it, and idle after a restart on the demo's
 * folder; beside it, in the same run, a Node process holding only the embedded database open
 * on the demo's folder (the floor no platform on it goes under). Targets: every idle reading
 * under 600 MB, the first start ready within 10 s. Linux only (reads /proc). Settings:
 * BENCH_IDLE_SECONDS (20).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  benchSetting,
  concludeBench,
  fmt,
  freePort,
  printTable,
  type ServiceProcess,
  spawnService,
  waitForOk,
} from '@hypercare/testing';

const IDLE_SECONDS = benchSetting('BENCH_IDLE_SECONDS', 20);
const TARGET_MB = 600;
const FIRST_START_TARGET_S = 10;
const ROOT = join(__dirname, '../../..');
const progress = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

/** The `NAME=value` assignments an npm script sets before it runs node. */
const scriptEnv = (script: string): Record<string, string> => {
  const scripts = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;
  const words = (scripts[script] ?? '').split(/\s+/);
  return Object.fromEntries(
    words
      .slice(
        0,
        words.findIndex((word) => !/^[A-Z_]+=/.test(word)),
      )
      .map((word) => word.split('=', 2) as [string, string]),
  );
};

const rssMb = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((row) => row.startsWith('VmRSS:'));
  return Number(line?.match(/\d+/)?.[0] ?? 0) / 1024;
};

/** The highest RSS seen, sampling each second, until `done` resolves or `seconds` pass. */
const peakRss = async (pid: number, seconds: number, done?: Promise<unknown>): Promise<number> => {
  let peak = 0;
  let finished = false;
  // Settled either way: the caller awaits `done` itself and hears why it failed.
  void done?.then(
    () => (finished = true),
    () => (finished = true),
  );
  const deadline = Date.now() + seconds * 1_000;
  while (!finished && Date.now() < deadline) {
    peak = Math.max(peak, rssMb(pid));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  return peak;
};

const outputShows = async (service: ServiceProcess, text: string, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!service.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`no "${text}" within ${timeoutMs} ms:\n${service.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};

const stop = async (service: ServiceProcess): Promise<void> => {
  service.child.kill('SIGTERM');
  await service.exited;
};

/** Starts the platform on `folder`, waits until it is ready; answers it and its "ready in" seconds. */
const start = async (
  folder: string,
  script: 'start' | 'demo',
): Promise<{ service: ServiceProcess; readySeconds: number }> => {
  const port = await freePort();
  const service = spawnService(
    'services/all-in-one/src/main.ts',
    { ...scriptEnv(script), HYPERCARE_DATA_DIR: folder, PORT: String(port) },
    script === 'demo' ? ['--demo'] : [],
  );
  await waitForOk(`http://127.0.0.1:${port}/health/ready`, service, 120_000);
  await outputShows(service, 'ready in', 10_000);
  const readySeconds = Number(service.output().match(/ready in ([\d.]+) s/)?.[1]);
  return { service, readySeconds };
};

/** A Node process holding only the platform's embedded database (the same module, so the same settings), idle. */
const databaseAlone = async (folder: string): Promise<number> => {
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      '-e',
      `require('./services/all-in-one/src/embedded-database')
         .startEmbeddedDatabase(${JSON.stringify(folder)})
         .then(() => { process.stdout.write('open\\n'); setInterval(() => {}, 1000); });`,
    ],
    { cwd: ROOT, env: { ...process.env, ...scriptEnv('start') }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise((resolve) => child.stdout.once('data', resolve));
  const peak = await peakRss(child.pid as number, IDLE_SECONDS);
  child.kill('SIGTERM');
  return peak;
};

const main = async (): Promise<void> => {
  const fresh = mkdtempSync(join(tmpdir(), 'hypercare-memory-'));
  const demo = mkdtempSync(join(tmpdir(), 'hypercare-memory-demo-'));
  try {
    progress(`first start on an empty folder, then idle ${IDLE_SECONDS} s`);
    const first = await start(fresh, 'start');
    const firstIdle = await peakRss(first.service.child.pid as number, IDLE_SECONDS);
    await stop(first.service);
    progress('the demo: seeding (a few minutes), then idle');
    const seeded = await start(demo, 'demo');
    const seeding = outputShows(seeded.service, 'Demo seeded', 900_000);
    const seedingPeak = await peakRss(seeded.service.child.pid as number, 900, seeding);
    await seeding;
    const demoIdle = await peakRss(seeded.service.child.pid as number, IDLE_SECONDS);
    await stop(seeded.service);
    progress(`restart on the demo's folder, then idle ${IDLE_SECONDS} s`);
    const again = await start(demo, 'start');
    const restartIdle = await peakRss(again.service.child.pid as number, IDLE_SECONDS);
    await stop(again.service);
    progress(`the embedded database alone on the demo's folder, idle ${IDLE_SECONDS} s`);
    const floor = await databaseAlone(demo);

    const rows: Array<[string, number, string]> = [
      ['embedded database alone on the demo folder, idle', floor, ''],
      ['first start, idle', firstIdle, `ready in ${fmt(first.readySeconds, 1)} s`],
      ['demo, while seeding (peak)', seedingPeak, ''],
      ['demo, idle after seeding', demoIdle, ''],
      ['restart on the demo folder, idle', restartIdle, `ready in ${fmt(again.readySeconds, 1)} s`],
    ];
    process.stdout.write(
      `\nAll-in-one resident memory (MB, peak of 1 s samples), env ${JSON.stringify(scriptEnv('start'))}\n\n`,
    );
    printTable(
      ['when', 'RSS (MB)', 'vs the database alone', 'note'],
      rows.map(([when, mb, note]) => [when, fmt(mb), `${fmt(mb / floor, 2)}x`, note]),
    );
    concludeBench([
      ...[
        ['first start, idle', firstIdle],
        ['demo, idle after seeding', demoIdle],
        ['restart on the demo folder, idle', restartIdle],
      ]
        .filter(([, mb]) => (mb as number) >= TARGET_MB)
        .map(([when, mb]) => `${when as string}: ${fmt(mb as number)} MB (target < ${TARGET_MB} MB)`),
      ...(first.readySeconds < FIRST_START_TARGET_S
        ? []
        : [`first start ready in ${fmt(first.readySeconds, 1)} s (target < ${FIRST_START_TARGET_S} s)`]),
    ]);
  } finally {
    for (const folder of [fresh, demo]) rmSync(folder, { recursive: true, force: true });
  }
};

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
