import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { TicketController } from './ticket.controller';

@Module({ imports: [HistoryModule], controllers: [TicketController] })
export class TicketsModule {}
