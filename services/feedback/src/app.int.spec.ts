import { describeServiceBoot } from '@hypercare/testing';
import { AppModule } from './app.module';
import { loadFeedbackConfig } from './config';

describeServiceBoot({
  name: 'feedback',
  main: 'services/feedback/src/main.ts',
  module: (env) => AppModule.register(loadFeedbackConfig(env)),
});
