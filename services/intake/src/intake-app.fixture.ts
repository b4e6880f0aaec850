import { ServiceUnderTest } from '@hypercare/runtime/testing';
import { AppModule } from './app.module';
import { loadIntakeConfig } from './config';

/** Intake on a throwaway database and a manual clock, with an admin, hearing what other services publish. */
export const startIntake = (
  name: string,
  now: Date,
  env?: Record<string, string>,
): Promise<ServiceUnderTest> =>
  ServiceUnderTest.start({
    service: 'intake',
    name,
    now,
    loadConfig: loadIntakeConfig,
    env,
    module: (config, infrastructure) => AppModule.register(config, infrastructure),
  });
