export { AppModule } from './app.module';
export { notificationVariables } from './config';
export type { IntakeConfig } from './config';
