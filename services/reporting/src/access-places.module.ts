import { Global, Module } from '@nestjs/common';
import { rememberingProgrammes, RESOURCE_PLACES, type ResourcePlaces } from '@hypercare/auth';
import { DataSource } from 'typeorm';
import { PeriodView } from './periods/period-view.entity';

/** Tells the access policy which programme each period belongs to, as reporting's overview knows it. */
@Global()
@Module({
  providers: [
    {
      provide: RESOURCE_PLACES,
      inject: [DataSource],
      useFactory: (dataSource: DataSource): ResourcePlaces => ({
        programmeOf: rememberingProgrammes(
          async (periodId) =>
            (await dataSource.getRepository(PeriodView).findOneBy({ periodId }))?.programmeId,
        ),
      }),
    },
  ],
  exports: [RESOURCE_PLACES],
})
export class AccessPlacesModule {}
