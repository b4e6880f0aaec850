import { Global, Module } from '@nestjs/common';
import { rememberingProgrammes, RESOURCE_PLACES, type ResourcePlaces } from '@hypercare/auth';
import { reportContracts, reportSubmitted } from '@hypercare/contracts';
import { ServiceRuntime } from '@hypercare/runtime';
import { PeriodDirectory } from './periods/period-directory';
import { PeriodsModule } from './periods/periods.module';
import { reportStream } from './reports/report.decider';

/**
 * Tells the access policy which programme each period belongs to, as intake's directory knows
 * it, and where a report lives: its period, and its reporter (a reporter reaches their own).
 */
@Global()
@Module({
  imports: [PeriodsModule],
  providers: [
    {
      provide: RESOURCE_PLACES,
      inject: [PeriodDirectory, ServiceRuntime],
      useFactory: (directory: PeriodDirectory, runtime: ServiceRuntime): ResourcePlaces => ({
        programmeOf: rememberingProgrammes((id) => directory.programmeOf(id)),
        report: async (id) => {
          const [first] = await runtime.store.readStreamOf(reportStream(id), reportContracts, {
            maxCount: 1,
          });
          if (first?.type !== reportSubmitted.type) return undefined;
          return { periodId: first.data.periodId, reporter: first.data.reporter.email };
        },
      }),
    },
  ],
  exports: [RESOURCE_PLACES],
})
export class AccessPlacesModule {}
