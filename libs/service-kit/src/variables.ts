import { z } from 'zod';

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

/** How often a timer of the service looks for due work, in milliseconds (50 ms to a minute; default a second). */
export const tickIntervalVariable = z.coerce
  .number({ invalid_type_error: 'must be a number of milliseconds' })
  .int()
  .min(50)
  .max(60_000)
  .default(1_000);

/** A wait in milliseconds, from none to ten minutes, `defaultMs` when not set. */
export const waitVariable = (defaultMs: number) =>
  z.coerce
    .number({ invalid_type_error: 'must be a number of milliseconds' })
    .int()
    .min(0)
    .max(600_000)
    .default(defaultMs);

/** A time of day, HH:MM (UTC), `defaultTime` when not set. */
export const timeOfDayVariable = (defaultTime: string) =>
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day, HH:MM (UTC)')
    .default(defaultTime);
