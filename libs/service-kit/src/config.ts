import { z } from 'zod';
import { authProblems, authVariables } from './auth-config';
import { databaseUrlVariable, eventStoreUrlVariable, kafkaBrokersVariable, portVariable } from './variables';

export {
  attachmentSchemesVariable,
  databaseUrlVariable,
  kafkaBrokersVariable,
  portVariable,
} from './variables';

/** Thrown when the environment does not describe a runnable service; names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** The variables every distributed-mode service reads; a service overrides PORT's default. */
export const serviceEnvironment = z.object({
  PORT: portVariable.default(3000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: databaseUrlVariable,
  KAFKA_BROKERS: kafkaBrokersVariable,
  /** Set, the service's own events are kept in EventStoreDB; its tables stay in DATABASE_URL. */
  EVENTSTORE_URL: eventStoreUrlVariable.optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url('must be a URL, e.g. http://127.0.0.1:4318').optional(),
  /** `manual` freezes the service's time and mounts `/test-clock` to move it: tests and simulations only. */
  HYPERCARE_CLOCK: z.enum(['system', 'manual']).default('system'),
  ...authVariables,
});

export type ServiceEnvironment = z.infer<typeof serviceEnvironment>;

/**
 * Parses the environment once against a schema and returns a frozen, typed object.
 * Every missing or malformed variable is named in one ConfigError.
 */
export const loadConfig = <S extends z.ZodTypeAny>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): Readonly<z.infer<S>> => {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = schema.safeParse(blanksRemoved);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`),
    );
  }
  const together = authProblems(result.data as Parameters<typeof authProblems>[0]);
  if (together.length) throw new ConfigError(together);
  return Object.freeze(result.data);
};
