import { Module } from '@nestjs/common';
import { PeriodController } from './period.controller';

@Module({ controllers: [PeriodController] })
export class PeriodsModule {}
