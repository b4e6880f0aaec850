export { AppModule } from './app.module';
export type { TriageConfig } from './config';
