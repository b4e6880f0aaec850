import { Module } from '@nestjs/common';
import { BacklogController } from '../backlog/backlog.controller';
import { PeriodController } from './period.controller';

@Module({ controllers: [PeriodController, BacklogController] })
export class PeriodsModule {}
