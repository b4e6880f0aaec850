import { loadConfig, portVariable, serviceEnvironment, tickIntervalVariable } from '@hypercare/service-kit';
import type { z } from 'zod';

const reportingEnvironment = serviceEnvironment.extend({
  PORT: portVariable.default(3005),
  /** How often the running periods' exit criteria are evaluated. */
  EXIT_EVALUATION_INTERVAL_MS: tickIntervalVariable,
});

export type ReportingConfig = z.infer<typeof reportingEnvironment>;

/** The reporting service's configuration, read once from the environment and frozen. */
export const loadReportingConfig = (env: NodeJS.ProcessEnv = process.env): Readonly<ReportingConfig> =>
  loadConfig(reportingEnvironment, env);
