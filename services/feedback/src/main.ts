import { bootstrapService } from '@hypercare/service-kit';
import { loadFeedbackConfig } from './config';

void bootstrapService({
  name: 'feedback',
  loadConfig: () => loadFeedbackConfig(),
  module: async (config) => (await import('./app.module')).AppModule.register(config),
});
