import { type DynamicModule, Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { ServiceEnvironment } from './config';
import { HealthController } from './health.controller';
import { loggingParams } from './logging';
import { MetricsController } from './metrics.controller';
import { kafkaCheck, postgresCheck, ReadinessRegistry } from './readiness';

/** Injection token of the service's validated, frozen configuration. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

export interface ServiceKitOptions {
  serviceName: string;
  config: ServiceEnvironment;
}

/**
 * What every service has: JSON logs, `/health/live`, `/health/ready` over its real
 * dependencies, `/metrics`, and its configuration as an injectable value.
 */
@Global()
@Module({})
export class ServiceKitModule implements OnModuleInit {
  constructor(
    private readonly readiness: ReadinessRegistry,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceEnvironment,
  ) {}

  static forRoot({ serviceName, config }: ServiceKitOptions): DynamicModule {
    return {
      module: ServiceKitModule,
      imports: [LoggerModule.forRoot(loggingParams(serviceName, config.LOG_LEVEL))],
      controllers: [HealthController, MetricsController],
      providers: [ReadinessRegistry, { provide: SERVICE_CONFIG, useValue: config }],
      exports: [ReadinessRegistry, SERVICE_CONFIG],
    };
  }

  onModuleInit(): void {
    this.readiness.register(postgresCheck(this.config.DATABASE_URL));
    this.readiness.register(kafkaCheck(this.config.KAFKA_BROKERS));
  }
}
