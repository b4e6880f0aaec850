import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceKitModule } from '@hypercare/service-kit';
import type { ReportingConfig } from './config';

/** Reporting: projections, dashboards, KPIs, exit criteria, post-mortems and the handoff package. */
@Module({})
export class AppModule {
  static register(config: ReportingConfig): DynamicModule {
    return { module: AppModule, imports: [ServiceKitModule.forRoot({ serviceName: 'reporting', config })] };
  }
}
