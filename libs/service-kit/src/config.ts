import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { authProblems, authVariables } from './auth-config';
import { channelProblems } from './channel-config';
import { kafkaSecurityProblems, kafkaSecurityVariables } from './kafka-config';
import { databaseUrlVariable, eventStoreUrlVariable, kafkaBrokersVariable, portVariable } from './variables';

export {
  attachmentSchemesVariable,
  databaseUrlVariable,
  kafkaBrokersVariable,
  portVariable,
  tickIntervalVariable,
  timeOfDayVariable,
  waitVariable,
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
  ...kafkaSecurityVariables,
  /** Set, the service's own events are kept in EventStoreDB; its tables stay in DATABASE_URL. */
  EVENTSTORE_URL: eventStoreUrlVariable.optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url('must be a URL, e.g. http://127.0.0.1:4318').optional(),
  /** `manual` freezes the service's time and mounts `/test-clock` to move it: tests and simulations only. */
  HYPERCARE_CLOCK: z.enum(['system', 'manual']).default('system'),
  ...authVariables,
});

export type ServiceEnvironment = z.infer<typeof serviceEnvironment>;

/**
 * `NAME_FILE=/run/secrets/name` gives NAME, a variable the service reads, the file's content (trimmed): how orchestrators
 * hand over secrets without putting them in the environment. Naming both is a problem, as
 * is a file that cannot be read; the file's content is never part of a message.
 */
const readSecretFiles = (
  env: NodeJS.ProcessEnv,
  known: ReadonlySet<string>,
): { values: NodeJS.ProcessEnv; problems: string[] } => {
  const values = { ...env };
  const problems: string[] = [];
  for (const [variable, path] of Object.entries(env)) {
    const name = variable.slice(0, -'_FILE'.length);
    if (!variable.endsWith('_FILE') || !known.has(name) || path === undefined) continue;
    delete values[variable];
    if (env[name] !== undefined) {
      problems.push(`${name} and ${variable} are both set: give one`);
      continue;
    }
    try {
      values[name] = readFileSync(path, 'utf8').trim();
    } catch (error) {
      problems.push(
        `${variable} names ${path}, which cannot be read (${(error as NodeJS.ErrnoException).code})`,
      );
    }
  }
  return { values, problems };
};

/**
 * Parses the environment once against a schema and returns a frozen, typed object.
 * Every missing or malformed variable is named in one ConfigError.
 */
export const loadConfig = <S extends z.ZodTypeAny>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): Readonly<z.infer<S>> => {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const known = new Set(schema instanceof z.ZodObject ? Object.keys(schema.shape as object) : []);
  const { values, problems } = readSecretFiles(blanksRemoved, known);
  if (problems.length) throw new ConfigError(problems);
  const result = schema.safeParse(values);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`),
    );
  }
  const together = [
    ...authProblems(result.data as Parameters<typeof authProblems>[0]),
    ...kafkaSecurityProblems(result.data as Parameters<typeof kafkaSecurityProblems>[0]),
    ...channelProblems(result.data as Parameters<typeof channelProblems>[0]),
  ];
  if (together.length) throw new ConfigError(together);
  return Object.freeze(result.data);
};
