import { AsyncApiController, EVENT_CONTRACTS } from './asyncapi.controller';
import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { AUTH_DATABASE, AuthModule } from '@hypercare/auth';
import type { ContractRegistry, EventContract } from '@hypercare/contracts';
import { ManualClock, systemClock } from '@hypercare/domain-kit';
import type { MessagingLog } from '@hypercare/messaging';
import { kafkaSecurity, ReadinessRegistry, type ServiceEnvironment } from '@hypercare/service-kit';
import { DataSource } from 'typeorm';
import { Infrastructure } from './infrastructure';
import { ReadModel, type ReadModelOptions } from './read-model';
import { ServiceRuntime } from './service-runtime';
import { TestClockController } from './test-clock.controller';
import { CLOCK } from './tokens';

export interface RuntimeModuleOptions {
  service: string;
  /** Every contract the process knows. */
  contracts: ContractRegistry;
  /** The contracts of the events the service records and publishes. */
  publishes: readonly EventContract[];
  /** Its read side: tables, migrations and projections; absent, it keeps none. */
  readModel?: ReadModelOptions;
  config: ServiceEnvironment;
  /** Shared infrastructure (the all-in-one process); absent, the service opens its own from `config`. */
  infrastructure?: Infrastructure;
}

const OWNS_INFRASTRUCTURE = Symbol('OWNS_INFRASTRUCTURE');

const messagingLog = (service: string): MessagingLog => {
  const logger = new Logger(`${service}-messaging`);
  return {
    info: (fields, message) => logger.log(fields, message),
    warn: (fields, message) => logger.warn(fields, message),
    error: (fields, message) => logger.error(fields, message),
  };
};

/**
 * A service's runtime as Nest providers: the infrastructure, the service's event store,
 * relay and consumers (`ServiceRuntime`), its read side (`ReadModel`, when it has one) and
 * its clock. Messaging and projections start when the application has bootstrapped (after
 * every feature module registered its consumers) and stop before the application closes.
 */
@Global()
@Module({})
export class RuntimeModule
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  constructor(
    private readonly infrastructure: Infrastructure,
    private readonly runtime: ServiceRuntime,
    private readonly readiness: ReadinessRegistry,
    @Inject(OWNS_INFRASTRUCTURE) private readonly ownsInfrastructure: boolean,
    @Optional() private readonly readModel?: ReadModel,
  ) {}

  static forRoot({
    service,
    contracts,
    publishes,
    readModel,
    config,
    infrastructure,
  }: RuntimeModuleOptions): DynamicModule {
    const manual = infrastructure
      ? infrastructure.clock instanceof ManualClock
      : config.HYPERCARE_CLOCK === 'manual';
    return {
      module: RuntimeModule,
      imports: [AuthModule.forRoot(config)],
      controllers: [AsyncApiController, ...(manual ? [TestClockController] : [])],
      providers: [
        { provide: OWNS_INFRASTRUCTURE, useValue: !infrastructure },
        { provide: EVENT_CONTRACTS, useValue: contracts },
        {
          provide: Infrastructure,
          useFactory: () =>
            infrastructure ??
            new Infrastructure({
              databaseUrl: config.DATABASE_URL,
              kafkaBrokers: config.KAFKA_BROKERS,
              kafkaSecurity: kafkaSecurity(config),
              clock: manual ? new ManualClock() : systemClock,
              election: 'advisory-lock',
              authDatabaseUrl: config.AUTH_DATABASE_URL,
              clientId: service,
            }),
        },
        {
          provide: ServiceRuntime,
          inject: [Infrastructure],
          useFactory: (infra: Infrastructure) =>
            ServiceRuntime.open(infra, {
              service,
              contracts,
              publishes,
              eventStoreUrl: config.EVENTSTORE_URL,
              log: messagingLog(service),
            }),
        },
        ...(readModel
          ? [
              {
                provide: ReadModel,
                inject: [Infrastructure, ServiceRuntime],
                useFactory: (infra: Infrastructure, runtime: ServiceRuntime) =>
                  ReadModel.open(infra, runtime, readModel, messagingLog(service)),
              },
              {
                provide: DataSource,
                inject: [ReadModel],
                useFactory: (model: ReadModel) => model.dataSource,
              },
            ]
          : []),
        { provide: CLOCK, inject: [Infrastructure], useFactory: (infra: Infrastructure) => infra.clock },
        {
          provide: AUTH_DATABASE,
          inject: [Infrastructure],
          useFactory: (infra: Infrastructure) => infra.authDatabase,
        },
      ],
      exports: [
        Infrastructure,
        ServiceRuntime,
        CLOCK,
        AUTH_DATABASE,
        ...(readModel ? [ReadModel, DataSource] : []),
      ],
    };
  }

  onModuleInit(): void {
    for (const check of [...this.infrastructure.readinessChecks(), ...this.runtime.readinessChecks()])
      this.readiness.register(check);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.runtime.start();
    await this.readModel?.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.readModel?.stop();
    await this.runtime.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.store.close();
    if (this.ownsInfrastructure) await this.infrastructure.close();
  }
}
