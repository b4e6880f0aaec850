import {
  attachmentSchemesVariable,
  channelVariables,
  loadConfig,
  portVariable,
  serviceEnvironment,
} from '@hypercare/service-kit';
import type { z } from 'zod';

const intakeEnvironment = serviceEnvironment.extend({
  PORT: portVariable.default(3001),
  ATTACHMENT_SCHEMES: attachmentSchemesVariable,
  ...channelVariables,
});

export type IntakeConfig = z.infer<typeof intakeEnvironment>;

/** The intake service's configuration, read once from the environment and frozen. */
export const loadIntakeConfig = (env: NodeJS.ProcessEnv = process.env): Readonly<IntakeConfig> =>
  loadConfig(intakeEnvironment, env);
