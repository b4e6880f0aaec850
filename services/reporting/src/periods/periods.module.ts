import { Module } from '@nestjs/common';
import { BacklogController } from '../backlog/backlog.controller';
import { HistoryModule } from '../history/history.module';
import { PeriodController } from './period.controller';

@Module({ imports: [HistoryModule], controllers: [PeriodController, BacklogController] })
export class PeriodsModule {}
