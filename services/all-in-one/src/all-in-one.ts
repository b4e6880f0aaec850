import { join, resolve } from 'node:path';
import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ManualClock, systemClock } from '@hypercare/domain-kit';
import { AppModule as FeedbackModule } from '@hypercare/feedback';
import { AppModule as IntakeModule } from '@hypercare/intake';
import { AppModule as MonitoringModule } from '@hypercare/monitoring';
import { AppModule as ReportingModule } from '@hypercare/reporting';
import { hypercareContracts } from '@hypercare/contracts';
import { AsyncApiController, EVENT_CONTRACTS, Infrastructure } from '@hypercare/runtime';
import {
  answerClientErrors,
  corsOptions,
  createServiceApp,
  kafkaSecurity,
  ProblemDetailsFilter,
  ReadinessRegistry,
  securityHeaders,
  withSecurity,
} from '@hypercare/service-kit';
import { AppModule as TriageModule } from '@hypercare/triage';
import { combinedOpenApi } from './combined-openapi';
import { serveConsole } from './console-files';
import { consoleConnectsTo, consoleSettings } from './console-settings';
import type { AllInOneConfig } from './config';
import { lockDataFolder } from './data-folder-lock';
import { PlatformHealthController, SERVICE_READINESS } from './platform-health.controller';
import { EMBEDDED_DATABASE_URL, startEmbeddedDatabase } from './embedded-database';

const SERVICES = ['intake', 'triage', 'monitoring', 'feedback', 'reporting'] as const;

export interface RunningPlatform {
  url: string;
  dataFolder?: string;
  mode: string;
  /** Whether the web console is served at the root (its build was found). */
  console: boolean;
  stop(): Promise<void>;
}

@Module({})
class GatewayModule {
  static register(readiness: Record<string, ReadinessRegistry>): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [PlatformHealthController, AsyncApiController],
      providers: [
        { provide: SERVICE_READINESS, useValue: readiness },
        { provide: EVENT_CONTRACTS, useValue: hypercareContracts() },
      ],
    };
  }
}

/**
 * Where people reach feedback's survey page when nobody said: this process, at the port it was
 * given (none when it takes any free port, as tests do); a wildcard or loopback host is this
 * machine, as a browser here names it.
 */
const ownFeedbackUrl = ({ HOST, PORT }: AllInOneConfig): string | undefined => {
  if (!PORT) return undefined;
  const host = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(HOST) ? 'localhost' : HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${PORT}/feedback`;
};

/**
 * All five services in this process, each its own Nest application with its usual modules,
 * sharing one infrastructure: the embedded database (or DATABASE_URL) and the in-process bus
 * (or KAFKA_BROKERS). Each service answers under `/<service>`; `/docs` has them all; the root
 * has the platform's health, metrics and AsyncAPI document.
 */
export const startAllInOne = async (config: AllInOneConfig): Promise<RunningPlatform> => {
  const dataFolder = config.DATABASE_URL ? undefined : resolve(config.HYPERCARE_DATA_DIR);
  const lock = dataFolder ? lockDataFolder(dataFolder) : undefined;
  const database = dataFolder
    ? await startEmbeddedDatabase(dataFolder).catch((error: unknown) => {
        lock?.release();
        throw error;
      })
    : undefined;
  const infrastructure = new Infrastructure({
    databaseUrl: config.DATABASE_URL ?? EMBEDDED_DATABASE_URL,
    embeddedPool: database?.poolConfig,
    kafkaBrokers: config.KAFKA_BROKERS,
    kafkaSecurity: kafkaSecurity(config),
    clock: config.HYPERCARE_CLOCK === 'manual' ? new ManualClock() : systemClock,
    election: database ? 'sole' : 'advisory-lock',
    authDatabaseUrl: config.AUTH_DATABASE_URL,
    clientId: 'hypercare-all-in-one',
    onClose: async () => {
      await database?.close();
      lock?.release();
    },
  });
  const serviceConfig = {
    ...config,
    PORT: 0,
    DATABASE_URL: infrastructure.databaseUrl,
    KAFKA_BROKERS: config.KAFKA_BROKERS ?? [],
    // Attachments live with the rest of the data: inside its folder, or beside the process with a server.
    BLOB_DIR: config.BLOB_DIR ?? join(resolve(config.HYPERCARE_DATA_DIR), 'blobs'),
    FEEDBACK_PUBLIC_URL: config.FEEDBACK_PUBLIC_URL ?? ownFeedbackUrl(config),
  };
  const modules: Record<(typeof SERVICES)[number], DynamicModule> = {
    intake: IntakeModule.register(serviceConfig, infrastructure),
    triage: TriageModule.register(serviceConfig, infrastructure),
    monitoring: MonitoringModule.register(serviceConfig, infrastructure),
    feedback: FeedbackModule.register(serviceConfig, infrastructure),
    reporting: ReportingModule.register(serviceConfig, infrastructure),
  };
  const apps: INestApplication[] = [];
  try {
    const documents = [];
    const readiness: Record<string, ReadinessRegistry> = {};
    for (const service of SERVICES) {
      const app = await createServiceApp(service, modules[service]);
      apps.push(app);
      await app.init();
      readiness[service] = app.get(ReadinessRegistry);
      documents.push({
        service,
        mount: `/${service}`,
        document: withSecurity(SwaggerModule.createDocument(app, new DocumentBuilder().build())),
      });
    }
    // Each service reads its own bodies, to its own limits: the gateway only routes.
    const gateway = await NestFactory.create(GatewayModule.register(readiness), {
      logger: ['error', 'warn'],
      bodyParser: false,
    });
    gateway.useGlobalFilters(new ProblemDetailsFilter());
    const settings = consoleSettings(config);
    gateway.use(securityHeaders(consoleConnectsTo(settings)));
    gateway.enableCors(corsOptions(config.CORS_ORIGINS));
    const consoleServed = serveConsole(gateway, config.CONSOLE_DIR, settings);
    SERVICES.forEach((service, index) =>
      gateway.use(`/${service}`, (apps[index] as INestApplication).getHttpAdapter().getInstance()),
    );
    apps.push(gateway);
    documents.push({
      service: 'platform',
      mount: '',
      document: withSecurity(SwaggerModule.createDocument(gateway, new DocumentBuilder().build())),
    });
    SwaggerModule.setup('docs', gateway, combinedOpenApi(documents), { jsonDocumentUrl: 'docs-json' });
    answerClientErrors(gateway.getHttpServer());
    await gateway.listen(config.PORT, config.HOST);
    const url = (await gateway.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
    const mode = `${database ? 'embedded PostgreSQL (PGlite)' : 'PostgreSQL server'}, ${config.KAFKA_BROKERS ? 'Kafka' : 'in-process messaging'}`;
    return { url, dataFolder, mode, console: consoleServed, stop: () => stopAll(apps, infrastructure) };
  } catch (error) {
    await stopAll(apps, infrastructure);
    throw error;
  }
};

const stopAll = async (apps: INestApplication[], infrastructure: Infrastructure): Promise<void> => {
  for (const app of [...apps].reverse()) await app.close();
  await infrastructure.close();
};
