import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceKitModule } from '@hypercare/service-kit';
import type { TriageConfig } from './config';

/** Triage: periods, ticket triage, SLA clocks, escalations and the status workflow. */
@Module({})
export class AppModule {
  static register(config: TriageConfig): DynamicModule {
    return { module: AppModule, imports: [ServiceKitModule.forRoot({ serviceName: 'triage', config })] };
  }
}
