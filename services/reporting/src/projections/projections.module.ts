import { Module } from '@nestjs/common';
import { Infrastructure, ServiceRuntime } from '@hypercare/runtime';
import { DataSource } from 'typeorm';
import { openReportingDataSource } from '../database/reporting-data-source';
import { PeriodController } from '../periods/period.controller';
import { PeriodListProjection } from '../periods/period-list.projection';
import { TicketBoardProjection } from '../tickets/ticket-board.projection';
import { TicketController } from '../tickets/ticket.controller';
import { ProjectionController } from './projection.controller';
import { Projector } from './projector';
import { Rebuild } from './rebuild';

@Module({
  controllers: [PeriodController, TicketController, ProjectionController],
  providers: [
    // After the service runtime: both create the `reporting` schema, and must not race.
    { provide: DataSource, inject: [Infrastructure, ServiceRuntime], useFactory: (infrastructure: Infrastructure) => openReportingDataSource(infrastructure) },
    TicketBoardProjection,
    PeriodListProjection,
    Projector,
    Rebuild,
  ],
})
export class ProjectionsModule {}
