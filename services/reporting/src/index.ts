export { AppModule } from './app.module';
export { handoffSettleVariable, type ReportingConfig } from './config';
