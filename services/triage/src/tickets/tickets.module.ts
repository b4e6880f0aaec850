import { Module } from '@nestjs/common';
import { PeriodsModule } from '../periods/periods.module';
import { SlaScheduler } from '../sla/sla-scheduler';
import { TicketClocksProjection } from '../sla/ticket-clocks.projection';
import { ReportIntakeConsumer } from './report-intake.consumer';
import { TicketController } from './ticket.controller';
import { TicketService } from './ticket.service';

@Module({
  imports: [PeriodsModule],
  controllers: [TicketController],
  providers: [TicketService, ReportIntakeConsumer, TicketClocksProjection, SlaScheduler],
})
export class TicketsModule {}
