import { type DynamicModule, Module } from '@nestjs/common';
import { hypercareContracts } from '@hypercare/contracts';
import { type Infrastructure, RuntimeModule } from '@hypercare/runtime';
import { ServiceKitModule } from '@hypercare/service-kit';
import type { MonitoringConfig } from './config';

/** Monitoring: alert ingestion, dedup by fingerprint, thresholds and alert-to-ticket correlation. */
@Module({})
export class AppModule {
  static register(config: MonitoringConfig, infrastructure?: Infrastructure): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ serviceName: 'monitoring', config }),
        RuntimeModule.forRoot({
          service: 'monitoring',
          contracts: hypercareContracts(),
          publishes: [],
          config,
          infrastructure,
        }),
      ],
    };
  }
}
