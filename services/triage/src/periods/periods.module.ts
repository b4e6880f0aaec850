import { Module } from '@nestjs/common';
import { PeriodController } from './period.controller';
import { OpenTickets } from './open-tickets';
import { PeriodService } from './period.service';

@Module({
  controllers: [PeriodController],
  providers: [PeriodService, OpenTickets],
  exports: [PeriodService],
})
export class PeriodsModule {}
