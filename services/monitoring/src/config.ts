import { loadConfig, portVariable, serviceEnvironment, tickIntervalVariable } from '@hypercare/service-kit';
import type { z } from 'zod';

const monitoringEnvironment = serviceEnvironment.extend({
  PORT: portVariable.default(3003),
  /** How often the synthetic-check runner looks for checks due to run. */
  SYNTHETIC_CHECK_TICK_MS: tickIntervalVariable,
});

export type MonitoringConfig = z.infer<typeof monitoringEnvironment>;

/** The monitoring service's configuration, read once from the environment and frozen. */
export const loadMonitoringConfig = (env: NodeJS.ProcessEnv = process.env): Readonly<MonitoringConfig> =>
  loadConfig(monitoringEnvironment, env);
