import { z } from 'zod';

/** Thrown when the environment does not describe a runnable service; names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const hostPort = /^[A-Za-z0-9.-]+:\d{1,5}$/;

/** `host:port[,host:port...]`, the form every Kafka client takes. */
export const kafkaBrokersVariable = z
  .string({ required_error: 'is required (comma-separated host:port list, e.g. 127.0.0.1:9092)' })
  .transform((value) =>
    value
      .split(',')
      .map((broker) => broker.trim())
      .filter(Boolean),
  )
  .refine((brokers) => brokers.length > 0 && brokers.every((broker) => hostPort.test(broker)), {
    message: 'must be a comma-separated host:port list, e.g. 127.0.0.1:9092',
  });

/** A `postgres://` or `postgresql://` connection URL. */
export const databaseUrlVariable = z
  .string({ required_error: 'is required (e.g. postgres://postgres@127.0.0.1:5432/postgres)' })
  .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
    message: 'must be a postgres:// URL, e.g. postgres://postgres@127.0.0.1:5432/postgres',
  });

/** An EventStoreDB connection string: the service's own events go there instead of PostgreSQL. */
export const eventStoreUrlVariable = z.string().refine((value) => /^esdb(\+discover)?:\/\/\S+$/.test(value), {
  message: 'must be an EventStoreDB connection string, e.g. esdb://127.0.0.1:2113?tls=false',
});

/** Which URL schemes a report's attachments may use: `https` (default), or `https,http` where plain links are allowed. */
export const attachmentSchemesVariable = z
  .string()
  .default('https')
  .transform((value) =>
    value
      .split(',')
      .map((scheme) => scheme.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.enum(['https', 'http'], { message: 'must list https and/or http, comma-separated' }))
      .min(1, 'must list https and/or http'),
  );

/** A TCP port; 0 asks the operating system for a free one. */
export const portVariable = z.coerce
  .number({ invalid_type_error: 'must be a port number' })
  .int()
  .min(0)
  .max(65_535);

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
  return Object.freeze(result.data);
};
