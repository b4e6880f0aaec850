import { Module } from '@nestjs/common';
import { PeriodController } from './period.controller';
import { UnmetCriteria } from '../exit/unmet-criteria';
import { OpenTickets } from './open-tickets';
import { PeriodService } from './period.service';

@Module({
  controllers: [PeriodController],
  providers: [PeriodService, OpenTickets, UnmetCriteria],
  exports: [PeriodService],
})
export class PeriodsModule {}
