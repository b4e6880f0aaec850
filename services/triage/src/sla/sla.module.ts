import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { SlaController } from './sla.controller';
import { SlaScheduler } from './sla-scheduler';
import { TicketClocks } from './ticket-clocks';

@Module({ imports: [TicketsModule], controllers: [SlaController], providers: [TicketClocks, SlaScheduler] })
export class SlaModule {}
