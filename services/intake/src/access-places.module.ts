import { Global, Module } from '@nestjs/common';
import { rememberingProgrammes, RESOURCE_PLACES, type ResourcePlaces } from '@hypercare/auth';
import { PeriodDirectory } from './periods/period-directory';
import { PeriodsModule } from './periods/periods.module';

/** Tells the access policy which programme each period belongs to, as intake's directory knows it. */
@Global()
@Module({
  imports: [PeriodsModule],
  providers: [
    {
      provide: RESOURCE_PLACES,
      inject: [PeriodDirectory],
      useFactory: (directory: PeriodDirectory): ResourcePlaces => ({
        programmeOf: rememberingProgrammes((id) => directory.programmeOf(id)),
      }),
    },
  ],
  exports: [RESOURCE_PLACES],
})
export class AccessPlacesModule {}
