export { AppModule } from './app.module';
export type { ReportingConfig } from './config';
