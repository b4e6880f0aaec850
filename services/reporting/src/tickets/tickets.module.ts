import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { OwnTicketsController } from './own-tickets.controller';
import { TicketController } from './ticket.controller';

@Module({ imports: [HistoryModule], controllers: [TicketController, OwnTicketsController] })
export class TicketsModule {}
