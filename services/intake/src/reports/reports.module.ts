import { Module, type OnModuleInit } from '@nestjs/common';
import { PeriodController } from '../periods/period.controller';
import { PeriodDirectory } from '../periods/period-directory';
import { ReportController } from './report.controller';
import { ReportService } from './report.service';
import { ReportStatusView } from './report-status.view';

@Module({ controllers: [ReportController, PeriodController], providers: [ReportService, ReportStatusView, PeriodDirectory] })
export class ReportsModule implements OnModuleInit {
  constructor(private readonly reports: ReportService) {}

  onModuleInit(): Promise<void> {
    return this.reports.createTables();
  }
}
