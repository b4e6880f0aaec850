import { type DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { ServiceEnvironment } from './config';
import { HealthController } from './health.controller';
import { loggingParams } from './logging';
import { MetricsController } from './metrics.controller';
import { ReadinessRegistry } from './readiness';

/** Injection token of the service's validated, frozen configuration. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

export interface ServiceKitOptions {
  serviceName: string;
  config: ServiceEnvironment;
}

/**
 * What every service has: JSON logs, `/health/live`, `/health/ready` over the dependencies
 * registered in the ReadinessRegistry, `/metrics`, and its configuration as an injectable value.
 */
@Global()
@Module({})
export class ServiceKitModule {
  static forRoot({ serviceName, config }: ServiceKitOptions): DynamicModule {
    return {
      module: ServiceKitModule,
      imports: [LoggerModule.forRoot(loggingParams(serviceName, config.LOG_LEVEL))],
      controllers: [HealthController, MetricsController],
      providers: [ReadinessRegistry, { provide: SERVICE_CONFIG, useValue: config }],
      exports: [ReadinessRegistry, SERVICE_CONFIG],
    };
  }
}
