import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceKitModule } from '@hypercare/service-kit';
import type { FeedbackConfig } from './config';

/** Feedback: CSAT and pulse surveys, free feedback and training needs. */
@Module({})
export class AppModule {
  static register(config: FeedbackConfig): DynamicModule {
    return { module: AppModule, imports: [ServiceKitModule.forRoot({ serviceName: 'feedback', config })] };
  }
}
