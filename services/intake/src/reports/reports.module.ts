import { Module } from '@nestjs/common';
import { PeriodsModule } from '../periods/periods.module';
import { ReportController } from './report.controller';
import { ReportService } from './report.service';
import { ReportStatusView } from './report-status.view';

@Module({
  imports: [PeriodsModule],
  controllers: [ReportController],
  providers: [ReportService, ReportStatusView],
})
export class ReportsModule {}
