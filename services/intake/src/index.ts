export { AppModule } from './app.module';
export { channelVariables } from './config';
export type { IntakeConfig } from './config';
