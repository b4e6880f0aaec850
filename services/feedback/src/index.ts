export { AppModule } from './app.module';
export type { FeedbackConfig } from './config';
