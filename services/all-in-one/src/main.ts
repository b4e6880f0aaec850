import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, startTelemetry } from '@hypercare/service-kit';
import { adminKey, type KeptSecret, signingKey } from './kept-secrets';
import { type AllInOneConfig, loadAllInOneConfig } from './config';
import { DataFolderInUse } from './data-folder-lock';
import { limitHeapGrowth } from './heap-growth';

const DEMO_FOLDER = '.hypercare-demo';

/** How to call the platform, for the banner: the admin key once, then where it is kept. */
const signIn = (config: AllInOneConfig, admin: KeptSecret | undefined): string[] => {
  if (config.HYPERCARE_AUTH === 'off')
    return [
      '    Sign-in      OFF (HYPERCARE_AUTH=off): anyone reaching this address is an admin. Local experiments only',
    ];
  if (!admin)
    return ['    Sign-in      the admin key given in HYPERCARE_ADMIN_API_KEY; send it as X-Api-Key'];
  return admin.created
    ? [
        `    Admin key    ${admin.value}`,
        `                 shown this once; your copy is in ${admin.file} (the platform keeps only its hash).`,
        '                 Send it as X-Api-Key, or make keys of narrower reach: POST /triage/api-keys',
      ]
    : [`    Admin key    in ${admin.file}; send it as X-Api-Key`];
};

/** Where notifications go, for the banner: out by mail, or only into the log. */
const notifications = (config: AllInOneConfig): string =>
  config.SMTP_URL
    ? `    Mail         notifications sent through ${new URL(config.SMTP_URL).host} from ${config.MAIL_FROM}`
    : '    Mail         SMTP_URL is not set: notifications are kept in the log only (GET /intake/periods/{id}/notifications)';

/** `npm start`: the whole platform in one process. `--demo` seeds a simulated go-live into a fresh folder first. */
const main = async (): Promise<void> => {
  limitHeapGrowth();
  const demo = process.argv.includes('--demo');
  // The demo's SLA, pulse and exit timers look every 50 ms (the least allowed), so stepping through three weeks stays
  // quick; its seeding calls as fast as the platform answers, which no rate limit should slow.
  const env = demo
    ? {
        HYPERCARE_DATA_DIR: DEMO_FOLDER,
        SLA_CHECK_INTERVAL_MS: '50',
        PULSE_CHECK_INTERVAL_MS: '50',
        EXIT_EVALUATION_INTERVAL_MS: '50',
        HANDOFF_SETTLE_MS: '200',
        NOTIFY_INTERVAL_MS: '50',
        RATE_LIMIT_PER_PRINCIPAL: '1000000',
        RATE_LIMIT_PER_ADDRESS: '1000000',
        ...process.env,
        HYPERCARE_CLOCK: 'manual',
      }
    : process.env;
  const config = loadAllInOneConfig(env);
  if (demo && !config.DATABASE_URL && existsSync(join(resolve(config.HYPERCARE_DATA_DIR), 'pgdata'))) {
    throw new ConfigError([
      `HYPERCARE_DATA_DIR ${resolve(config.HYPERCARE_DATA_DIR)} already holds data: the demo seeds a fresh folder (delete it, or choose another)`,
    ]);
  }
  const started = Date.now();
  const telemetry = startTelemetry({
    serviceName: 'hypercare',
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  });
  const admin =
    config.HYPERCARE_AUTH === 'on'
      ? adminKey(config.HYPERCARE_DATA_DIR, config.HYPERCARE_ADMIN_API_KEY)
      : undefined;
  const { startAllInOne } = await import('./all-in-one');
  const platform = await startAllInOne({
    ...config,
    ...(admin ? { HYPERCARE_ADMIN_API_KEY: admin.value } : {}),
    ...(config.HYPERCARE_AUTH === 'on'
      ? { HYPERCARE_SIGNING_KEY: signingKey(config.HYPERCARE_DATA_DIR, config.HYPERCARE_SIGNING_KEY) }
      : {}),
  });
  process.stdout.write(
    [
      '',
      `  Hypercare is running (all five services in one process, ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      `    URL          ${platform.url}   API docs: ${platform.url}/docs`,
      platform.console
        ? `    Console      ${platform.url}/ (sign in with the admin key below)`
        : '    Console      not built: npm run build:console',
      `    Data folder  ${platform.dataFolder ?? '(none: DATABASE_URL is set)'}`,
      `    Mode         ${platform.mode}`,
      ...signIn(config, admin),
      notifications(config),
      '    Stop         Ctrl-C',
      '',
    ].join('\n') + '\n',
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('  Stopping Hypercare...\n');
    await platform.stop();
    await telemetry.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  if (demo) {
    const { seedDemo } = await import('./demo/seed-demo');
    const seeded = await seedDemo(
      platform.url,
      config.HYPERCARE_DEMO_DAYS,
      admin?.value ?? config.HYPERCARE_ADMIN_API_KEY,
    );
    process.stdout.write(
      [
        `  Demo seeded. Periods: ${platform.url}/reporting/periods (its clock stands where the simulation ended, at the present; restart with HYPERCARE_DATA_DIR=${config.HYPERCARE_DATA_DIR} npm start for live time)`,
        `  Handed over: ${platform.url}/reporting/periods/${seeded.handedOver}/handoff.md`,
        `  Still running, with its exit forecast: ${platform.url}/reporting/periods/${seeded.running}/exit`,
        `  Who was told what (kept in the log${config.SMTP_URL ? ', and mailed' : ''}): ${platform.url}/intake/periods/${seeded.running}/notifications`,
        '',
      ].join('\n'),
    );
  }
};

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataFolderInUse) {
    console.error(`Hypercare cannot start. ${error.message}`);
    process.exit(1);
  }
  console.error('Hypercare failed to start:', error);
  process.exit(1);
});
