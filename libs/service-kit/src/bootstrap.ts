import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { ServiceEnvironment } from './config';
import { fatalLine, reasonOf } from './fatal-line';
import { BODY_LIMITS, MAX_BODY_BYTES } from './json-body';
import { FORM_MEDIA_TYPE, MAIL_MEDIA_TYPE, MAX_MAIL_BYTES } from './relayed-mail';
import { answerClientErrors } from './client-errors';
import { withSecurity } from './openapi';
import { securityHeaders } from './security-headers';
import { refuseUnstorablePaths } from './storable-path';
import { ProblemDetailsFilter } from './problem-details.filter';
import { ReadinessRegistry } from './readiness';
import { startTelemetry } from './telemetry';

export interface ServiceDefinition<C extends ServiceEnvironment> {
  /** Short name: log field, trace resource, OpenAPI title. */
  name: string;
  /** Reads and validates the environment; throws ConfigError naming what is wrong. */
  loadConfig: () => C;
  /** Builds the root module; loaded only after telemetry started, so instrumentation can patch its imports. */
  module: (config: C) => Promise<DynamicModule>;
}

/**
 * A configured Nest application, not yet listening: JSON logger, RFC 9457 errors, OpenAPI at
 * /docs and /docs-json. Bodies are read as JSON, up to the largest any route accepts, keeping
 * their raw bytes so each route can hold them to its own limit (`JsonBody`), as raw mail
 * messages (or relays' inbound-parse forms) for the routes that take them (`MailBody`), and
 * form-encoded, as chat platforms post their commands (raw bytes kept for their signatures).
 */
export const createServiceApp = async (name: string, module: DynamicModule): Promise<INestApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bufferLogs: true,
    // A failing start-up is thrown to the caller, which writes it as one JSON line, instead of
    // Nest printing its own coloured trace and exiting.
    abortOnError: false,
    autoFlushLogs: false,
    bodyParser: false,
    rawBody: true,
  });
  app.use(securityHeaders(), refuseUnstorablePaths);
  app.useBodyParser('json', { limit: MAX_BODY_BYTES });
  app.useBodyParser('raw', { type: [MAIL_MEDIA_TYPE, FORM_MEDIA_TYPE], limit: MAX_MAIL_BYTES });
  app.useBodyParser('urlencoded', { extended: false, limit: BODY_LIMITS.command });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.useGlobalFilters(new ProblemDetailsFilter());
  const document = withSecurity(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder().setTitle(`Hypercare ${name} API`).setVersion('1').build(),
    ),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
};

/** How long a stop may take (requests in flight, consumers' batches, relay) before the process exits anyway, with 1. */
export const SHUTDOWN_GRACE_MS = 15_000;

/** Browsers may call from the listed origins only, sending credentials in headers (never cookies). */
export const corsOptions = (origins: readonly string[]) => ({
  origin: [...origins],
  credentials: false,
  allowedHeaders: ['authorization', 'x-api-key', 'content-type', 'idempotency-key', 'x-correlation-id'],
  exposedHeaders: ['location', 'idempotent-replayed', 'retry-after', 'hypercare-stale'],
});

/**
 * Runs a service as its own process, and tells a supervisor the truth with its exit code:
 * 0 only after a requested stop (SIGTERM/SIGINT: readiness turns 503, in-flight requests and
 * consumer batches finish, modules close, telemetry flushes, within SHUTDOWN_GRACE_MS), 1 on a
 * start-up failure or a crash, each announced by one JSON line naming the problem.
 */
export const bootstrapService = async <C extends ServiceEnvironment>(
  definition: ServiceDefinition<C>,
): Promise<void> => {
  const fail = (what: string, error?: unknown): never => {
    process.stderr.write(`${fatalLine(definition.name, `${what}: ${reasonOf(error)}`, error)}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', (error) => fail('crashed', error));
  process.on('unhandledRejection', (error) => fail('crashed', error));
  let config: C;
  let app: INestApplication;
  let telemetry: ReturnType<typeof startTelemetry>;
  try {
    config = definition.loadConfig();
    telemetry = startTelemetry({
      serviceName: definition.name,
      otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    });
    app = await createServiceApp(definition.name, await definition.module(config));
    app.enableCors(corsOptions(config.CORS_ORIGINS));
    answerClientErrors(app.getHttpServer());
    await app.listen(config.PORT, config.HOST);
  } catch (error) {
    return fail('cannot start', error);
  }
  const logger = app.get(Logger);
  logger.log(`${definition.name} listening on ${await app.getUrl()}`, 'Bootstrap');

  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: shutting down`, 'Bootstrap');
    app.get(ReadinessRegistry).drain(`${signal} received: shutting down`);
    setTimeout(
      () => fail('stopping', new Error(`shutdown took longer than ${SHUTDOWN_GRACE_MS} ms`)),
      SHUTDOWN_GRACE_MS,
    ).unref();
    await app.close();
    await telemetry.shutdown();
    logger.log(`${definition.name} stopped`, 'Bootstrap');
    process.exit(0);
  };
  process.once('SIGTERM', (signal) => void stop(signal));
  process.once('SIGINT', (signal) => void stop(signal));
};
