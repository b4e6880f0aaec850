import { bootstrapService } from '@hypercare/service-kit';
import { loadMonitoringConfig } from './config';

void bootstrapService({
  name: 'monitoring',
  loadConfig: () => loadMonitoringConfig(),
  module: async (config) => (await import('./app.module')).AppModule.register(config),
});
