import {
  attachmentSchemesVariable,
  authVariables,
  channelVariables,
  kafkaSecurityVariables,
  databaseUrlVariable,
  kafkaBrokersVariable,
  loadConfig,
  portVariable,
  tickIntervalVariable,
  timeOfDayVariable,
  waitVariable,
} from '@hypercare/service-kit';
import { z } from 'zod';
import { BUILT_CONSOLE } from './console-files';
import { consoleSettings, consoleVariables } from './console-settings';

const allInOneEnvironment = z.object({
  PORT: portVariable.default(3000),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  /** Where the embedded database keeps its files. */
  HYPERCARE_DATA_DIR: z.string().min(1).default('.hypercare'),
  /** Set, a PostgreSQL server replaces the embedded database. */
  DATABASE_URL: databaseUrlVariable.optional(),
  /** Set, Kafka replaces the in-process bus. */
  KAFKA_BROKERS: kafkaBrokersVariable.optional(),
  HYPERCARE_CLOCK: z.enum(['system', 'manual']).default('system'),
  ATTACHMENT_SCHEMES: attachmentSchemesVariable,
  SLA_CHECK_INTERVAL_MS: tickIntervalVariable,
  PULSE_CHECK_INTERVAL_MS: tickIntervalVariable,
  EXIT_EVALUATION_INTERVAL_MS: tickIntervalVariable,
  HANDOFF_SETTLE_MS: waitVariable(5_000),
  STANDUP_AT: timeOfDayVariable('08:00'),
  WEBHOOK_INTERVAL_MS: tickIntervalVariable,
  WEBHOOK_RETRY_BASE_MS: waitVariable(1_000),
  SYNTHETIC_CHECK_TICK_MS: tickIntervalVariable,
  /** The built web console served at `/` (`npm run build:console`; `npm start` builds it when missing). */
  CONSOLE_DIR: z.string().min(1).default(BUILT_CONSOLE),
  /** How many simulated days `npm run demo` plays. */
  HYPERCARE_DEMO_DAYS: z.coerce
    .number({ invalid_type_error: 'must be a number of days' })
    .int()
    .min(1)
    .max(60)
    .default(21),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url('must be a URL, e.g. http://127.0.0.1:4318').optional(),
  ...consoleVariables,
  ...channelVariables,
  ...authVariables,
  ...kafkaSecurityVariables,
});

export type AllInOneConfig = z.infer<typeof allInOneEnvironment>;

/** The all-in-one process's configuration: everything defaults to the embedded mode. */
export const loadAllInOneConfig = (env: NodeJS.ProcessEnv = process.env): Readonly<AllInOneConfig> => {
  const config = loadConfig(allInOneEnvironment, env);
  consoleSettings(config);
  return config;
};
