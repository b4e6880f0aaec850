import { loadConfig, portVariable, serviceEnvironment, tickIntervalVariable } from '@hypercare/service-kit';
import type { z } from 'zod';

const triageEnvironment = serviceEnvironment.extend({
  PORT: portVariable.default(3002),
  /** How often the SLA timer looks for due breaches and escalations. */
  SLA_CHECK_INTERVAL_MS: tickIntervalVariable,
});

export type TriageConfig = z.infer<typeof triageEnvironment>;

/** The triage service's configuration, read once from the environment and frozen. */
export const loadTriageConfig = (env: NodeJS.ProcessEnv = process.env): Readonly<TriageConfig> =>
  loadConfig(triageEnvironment, env);
