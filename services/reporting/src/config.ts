import {
  loadConfig,
  portVariable,
  serviceEnvironment,
  tickIntervalVariable,
  timeOfDayVariable,
  waitVariable,
} from '@hypercare/service-kit';
import type { z } from 'zod';

const reportingEnvironment = serviceEnvironment.extend({
  PORT: portVariable.default(3005),
  /** How often the running periods' exit criteria are evaluated. */
  EXIT_EVALUATION_INTERVAL_MS: tickIntervalVariable,
  /** How long after hearing a close the handoff waits for events published before it on other topics. */
  HANDOFF_SETTLE_MS: waitVariable(5_000),
  /** When (UTC, HH:MM) each day the running periods' stand-up of the day before is prepared. */
  STANDUP_AT: timeOfDayVariable('08:00'),
  /** How often the webhooks' outbox is sent. */
  WEBHOOK_INTERVAL_MS: tickIntervalVariable,
  /** The wait before a failed delivery's first retry; it doubles with each, up to an hour. */
  WEBHOOK_RETRY_BASE_MS: waitVariable(1_000),
});

export type ReportingConfig = z.infer<typeof reportingEnvironment>;

/** The reporting service's configuration, read once from the environment and frozen. */
export const loadReportingConfig = (env: NodeJS.ProcessEnv = process.env): Readonly<ReportingConfig> =>
  loadConfig(reportingEnvironment, env);
