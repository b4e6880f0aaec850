import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceKitModule } from '@hypercare/service-kit';
import type { IntakeConfig } from './config';

/** Intake: the front door: REST API and inbound webhooks that open reports. */
@Module({})
export class AppModule {
  static register(config: IntakeConfig): DynamicModule {
    return { module: AppModule, imports: [ServiceKitModule.forRoot({ serviceName: 'intake', config })] };
  }
}
