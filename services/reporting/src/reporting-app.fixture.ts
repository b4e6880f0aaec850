import { PROGRAMMES_TOPIC } from '@hypercare/contracts';
import { TEST_PROGRAMME_ID, ticketEvents } from '@hypercare/contracts/testing';
import { type Published, ServiceUnderTest } from '@hypercare/runtime/testing';
import { AppModule } from './app.module';
import { loadReportingConfig } from './config';

/** The exit criterion most tests use: no P1 open. */
export const NO_OPEN_P1 = {
  name: 'No open P1',
  metric: 'open-tickets',
  priorities: ['P1' as const],
  comparator: '=' as const,
  target: 0,
};

/** Reporting on a throwaway database and a manual clock, its exit evaluation looking every 50 ms. */
export const startReporting = (name: string, now: Date, env: Record<string, string> = {}) =>
  ServiceUnderTest.start({
    service: 'reporting',
    name,
    now,
    loadConfig: loadReportingConfig,
    module: (config, infrastructure) => AppModule.register(config, infrastructure),
    env: { EXIT_EVALUATION_INTERVAL_MS: '50', ...env },
  });

/** A ticket opened for a report made at `at`, as triage publishes it. */
export const reportedTicket = (ticketId: string, periodId: string, at: string): Published => {
  const opened = ticketEvents(ticketId, periodId).opened(at);
  return { ...opened, data: { ...opened.data, reportedAt: at }, subject: ticketId };
};

/** The programme test periods belong to, as triage publishes its creation. */
export const publishTestProgramme = (reporting: ServiceUnderTest): Promise<string[]> =>
  reporting.publish(PROGRAMMES_TOPIC, 'triage', {
    type: 'hypercare.programme.created.v1',
    data: { programmeId: TEST_PROGRAMME_ID, name: 'Finance transformation' },
    subject: TEST_PROGRAMME_ID,
  });
