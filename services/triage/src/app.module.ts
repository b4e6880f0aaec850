import { type DynamicModule, Module } from '@nestjs/common';
import { hypercareContracts } from '@hypercare/contracts';
import { type Infrastructure, RuntimeModule } from '@hypercare/runtime';
import { ServiceKitModule } from '@hypercare/service-kit';
import type { TriageConfig } from './config';
import { PeriodsModule } from './periods/periods.module';
import { TicketsModule } from './tickets/tickets.module';

/** Triage: periods, ticket triage, SLA clocks, escalations and the status workflow. */
@Module({})
export class AppModule {
  static register(config: TriageConfig, infrastructure?: Infrastructure): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ serviceName: 'triage', config }),
        RuntimeModule.forRoot({ service: 'triage', contracts: hypercareContracts(), config, infrastructure }),
        PeriodsModule,
        TicketsModule,
      ],
    };
  }
}
