import { Module } from '@nestjs/common';
import { AlertReportsConsumer } from '../alerts/alert-reports.consumer';
import { PeriodsModule } from '../periods/periods.module';
import { ReportController } from './report.controller';
import { ReportService } from './report.service';
import { ReportStatusView } from './report-status.view';

@Module({
  imports: [PeriodsModule],
  controllers: [ReportController],
  providers: [ReportService, ReportStatusView, AlertReportsConsumer],
})
export class ReportsModule {}
