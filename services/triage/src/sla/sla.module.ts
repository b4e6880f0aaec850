import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { SlaScheduler } from './sla-scheduler';
import { TicketClocks } from './ticket-clocks';

@Module({ imports: [TicketsModule], providers: [TicketClocks, SlaScheduler] })
export class SlaModule {}
