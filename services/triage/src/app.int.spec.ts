import { describeServiceBoot } from '@hypercare/testing';
import { AppModule } from './app.module';
import { loadTriageConfig } from './config';

describeServiceBoot({
  name: 'triage',
  main: 'services/triage/src/main.ts',
  module: (env) => AppModule.register(loadTriageConfig(env)),
});
