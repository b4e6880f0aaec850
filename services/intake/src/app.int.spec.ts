import { describeServiceBoot } from '@hypercare/testing';
import { AppModule } from './app.module';
import { loadIntakeConfig } from './config';

describeServiceBoot({
  name: 'intake',
  main: 'services/intake/src/main.ts',
  module: (env) => AppModule.register(loadIntakeConfig(env)),
});
