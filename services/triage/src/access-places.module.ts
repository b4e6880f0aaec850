import { Global, Module } from '@nestjs/common';
import { rememberingProgrammes, RESOURCE_PLACES, type ResourcePlaces } from '@hypercare/auth';
import { PeriodService } from './periods/period.service';
import { PeriodsModule } from './periods/periods.module';
import { TicketService } from './tickets/ticket.service';
import { TicketsModule } from './tickets/tickets.module';

/** Tells the access policy where each ticket lives and which programme each period belongs to, before a command runs. */
@Global()
@Module({
  imports: [TicketsModule, PeriodsModule],
  providers: [
    {
      provide: RESOURCE_PLACES,
      inject: [TicketService, PeriodService],
      useFactory: (tickets: TicketService, periods: PeriodService): ResourcePlaces => ({
        ticket: (id) => tickets.place(id),
        programmeOf: rememberingProgrammes((id) => periods.programmeOf(id)),
      }),
    },
  ],
  exports: [RESOURCE_PLACES],
})
export class AccessPlacesModule {}
