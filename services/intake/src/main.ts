import { bootstrapService } from '@hypercare/service-kit';
import { loadIntakeConfig } from './config';

void bootstrapService({
  name: 'intake',
  loadConfig: () => loadIntakeConfig(),
  module: async (config) => (await import('./app.module')).AppModule.register(config),
});
