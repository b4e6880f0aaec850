import { loadConfig, portVariable, serviceEnvironment } from '@hypercare/service-kit';
import { z } from 'zod';

const triageEnvironment = serviceEnvironment.extend({
  PORT: portVariable.default(3002),
  /** How often the SLA timer looks for due breaches and escalations. */
  SLA_CHECK_INTERVAL_MS: z.coerce
    .number({ invalid_type_error: 'must be a number of milliseconds' })
    .int()
    .min(50)
    .max(60_000)
    .default(1_000),
});

export type TriageConfig = z.infer<typeof triageEnvironment>;

/** The triage service's configuration, read once from the environment and frozen. */
export const loadTriageConfig = (env: NodeJS.ProcessEnv = process.env): Readonly<TriageConfig> =>
  loadConfig(triageEnvironment, env);
