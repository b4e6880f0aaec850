import { bootstrapService } from '@hypercare/service-kit';
import { loadTriageConfig } from './config';

void bootstrapService({
  name: 'triage',
  loadConfig: () => loadTriageConfig(),
  module: async (config) => (await import('./app.module')).AppModule.register(config),
});
