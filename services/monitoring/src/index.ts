export { AppModule } from './app.module';
export type { MonitoringConfig } from './config';
