import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceKitModule } from '@hypercare/service-kit';
import type { MonitoringConfig } from './config';

/** Monitoring: alert ingestion, dedup by fingerprint, thresholds and alert-to-ticket correlation. */
@Module({})
export class AppModule {
  static register(config: MonitoringConfig): DynamicModule {
    return { module: AppModule, imports: [ServiceKitModule.forRoot({ serviceName: 'monitoring', config })] };
  }
}
