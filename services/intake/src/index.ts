export { AppModule } from './app.module';
export type { IntakeConfig } from './config';
