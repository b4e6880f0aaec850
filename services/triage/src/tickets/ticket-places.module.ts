import { Global, Module } from '@nestjs/common';
import { RESOURCE_PLACES, type ResourcePlaces } from '@hypercare/auth';
import { TicketService } from './ticket.service';
import { TicketsModule } from './tickets.module';

/** Tells the access policy where each ticket lives, before a command on it runs. */
@Global()
@Module({
  imports: [TicketsModule],
  providers: [
    {
      provide: RESOURCE_PLACES,
      inject: [TicketService],
      useFactory: (tickets: TicketService): ResourcePlaces => ({ ticket: (id) => tickets.place(id) }),
    },
  ],
  exports: [RESOURCE_PLACES],
})
export class TicketPlacesModule {}
