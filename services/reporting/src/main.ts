import { bootstrapService } from '@hypercare/service-kit';
import { loadReportingConfig } from './config';

void bootstrapService({
  name: 'reporting',
  loadConfig: () => loadReportingConfig(),
  module: async (config) => (await import('./app.module')).AppModule.register(config),
});
