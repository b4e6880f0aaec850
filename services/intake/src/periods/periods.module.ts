import { Module } from '@nestjs/common';
import { PeriodController } from './period.controller';
import { PeriodDirectory } from './period-directory';

@Module({ controllers: [PeriodController], providers: [PeriodDirectory], exports: [PeriodDirectory] })
export class PeriodsModule {}
