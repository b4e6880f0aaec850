import { type DynamicModule, Module } from '@nestjs/common';
import { hypercareContracts } from '@hypercare/contracts';
import { type Infrastructure, RuntimeModule } from '@hypercare/runtime';
import { ServiceKitModule } from '@hypercare/service-kit';
import type { IntakeConfig } from './config';
import { ReportsModule } from './reports/reports.module';

/** Intake: the front door: REST API and inbound webhooks that open reports. */
@Module({})
export class AppModule {
  static register(config: IntakeConfig, infrastructure?: Infrastructure): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ serviceName: 'intake', config }),
        RuntimeModule.forRoot({ service: 'intake', contracts: hypercareContracts(), config, infrastructure }),
        ReportsModule,
      ],
    };
  }
}
