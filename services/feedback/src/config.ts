import { loadConfig, portVariable, serviceEnvironment, tickIntervalVariable } from '@hypercare/service-kit';
import type { z } from 'zod';

const feedbackEnvironment = serviceEnvironment.extend({
  PORT: portVariable.default(3004),
  /** How often the pulse scheduler looks for rounds due. */
  PULSE_CHECK_INTERVAL_MS: tickIntervalVariable,
});

export type FeedbackConfig = z.infer<typeof feedbackEnvironment>;

/** The feedback service's configuration, read once from the environment and frozen. */
export const loadFeedbackConfig = (env: NodeJS.ProcessEnv = process.env): Readonly<FeedbackConfig> =>
  loadConfig(feedbackEnvironment, env);
