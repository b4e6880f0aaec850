import { Module } from '@nestjs/common';
import { KnowledgeModule } from '../knowledge/knowledge.module';
import { TicketFollowUpsConsumer } from './ticket-follow-ups.consumer';

/** What feedback does as reports and tickets move: surveys, article proposals, questions for the detector. */
@Module({ imports: [KnowledgeModule], providers: [TicketFollowUpsConsumer] })
export class TicketsModule {}
