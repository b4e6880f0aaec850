import { describeServiceBoot } from '@hypercare/testing';
import { AppModule } from './app.module';
import { loadMonitoringConfig } from './config';

describeServiceBoot({
  name: 'monitoring',
  main: 'services/monitoring/src/main.ts',
  module: (env) => AppModule.register(loadMonitoringConfig(env)),
});
