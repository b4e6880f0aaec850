import { Module } from '@nestjs/common';
import { AlertReportsConsumer } from '../alerts/alert-reports.consumer';
import { PeriodsModule } from '../periods/periods.module';
import { ArticleSuggestions } from '../knowledge/article-suggestions';
import { DeflectionController } from './deflection.controller';
import { Deflections } from './deflections';
import { ReportController } from './report.controller';
import { ReportService } from './report.service';
import { ReportStatusView } from './report-status.view';

@Module({
  imports: [PeriodsModule],
  controllers: [ReportController, DeflectionController],
  providers: [ReportService, ReportStatusView, AlertReportsConsumer, ArticleSuggestions, Deflections],
  exports: [ReportService],
})
export class ReportsModule {}
