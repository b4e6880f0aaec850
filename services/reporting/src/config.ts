import { loadConfig, portVariable, serviceEnvironment, tickIntervalVariable } from '@hypercare/service-kit';
import { z } from 'zod';

/** How long after hearing a close the handoff waits for events published before it on other topics (0-600,000 ms). */
export const handoffSettleVariable = z.coerce
  .number({ invalid_type_error: 'must be a number of milliseconds' })
  .int()
  .min(0)
  .max(600_000)
  .default(5_000);

const reportingEnvironment = serviceEnvironment.extend({
  PORT: portVariable.default(3005),
  /** How often the running periods' exit criteria are evaluated. */
  EXIT_EVALUATION_INTERVAL_MS: tickIntervalVariable,
  HANDOFF_SETTLE_MS: handoffSettleVariable,
});

export type ReportingConfig = z.infer<typeof reportingEnvironment>;

/** The reporting service's configuration, read once from the environment and frozen. */
export const loadReportingConfig = (env: NodeJS.ProcessEnv = process.env): Readonly<ReportingConfig> =>
  loadConfig(reportingEnvironment, env);
