import { describeServiceBoot } from '@hypercare/testing';
import { AppModule } from './app.module';
import { loadReportingConfig } from './config';

describeServiceBoot({
  name: 'reporting',
  main: 'services/reporting/src/main.ts',
  module: (env) => AppModule.register(loadReportingConfig(env)),
});
