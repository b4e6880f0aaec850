import { type DynamicModule, Module } from '@nestjs/common';
import { hypercareContracts } from '@hypercare/contracts';
import { type Infrastructure, RuntimeModule } from '@hypercare/runtime';
import { ServiceKitModule } from '@hypercare/service-kit';
import type { ReportingConfig } from './config';
import { ProjectionsModule } from './projections/projections.module';

/** Reporting: projections, dashboards, KPIs, exit criteria, post-mortems and the handoff package. */
@Module({})
export class AppModule {
  static register(config: ReportingConfig, infrastructure?: Infrastructure): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ serviceName: 'reporting', config }),
        RuntimeModule.forRoot({ service: 'reporting', contracts: hypercareContracts(), config, infrastructure }),
        ProjectionsModule,
      ],
    };
  }
}
