import { type DynamicModule, Module } from '@nestjs/common';
import { hypercareContracts } from '@hypercare/contracts';
import { type Infrastructure, RuntimeModule } from '@hypercare/runtime';
import { ServiceKitModule } from '@hypercare/service-kit';
import type { FeedbackConfig } from './config';

/** Feedback: CSAT and pulse surveys, free feedback and training needs. */
@Module({})
export class AppModule {
  static register(config: FeedbackConfig, infrastructure?: Infrastructure): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ serviceName: 'feedback', config }),
        RuntimeModule.forRoot({
          service: 'feedback',
          contracts: hypercareContracts(),
          publishes: [],
          config,
          infrastructure,
        }),
      ],
    };
  }
}
