import { Module } from '@nestjs/common';
import { PeriodsModule } from '../periods/periods.module';
import { ReportCommentsConsumer } from './report-comments.consumer';
import { ReportIntakeConsumer } from './report-intake.consumer';
import { TicketController } from './ticket.controller';
import { TicketService } from './ticket.service';

@Module({
  imports: [PeriodsModule],
  controllers: [TicketController],
  providers: [TicketService, ReportIntakeConsumer, ReportCommentsConsumer],
  exports: [TicketService],
})
export class TicketsModule {}
