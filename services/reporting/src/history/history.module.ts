import { Module } from '@nestjs/common';
import { EventExplorerController } from './event-explorer.controller';
import { PastViews } from './past-views';
import { PeriodActorsController } from './period-actors.controller';
import { VisibleHistory } from './visible-history';

/** Reporting's history: every view as of a past moment, the event explorer and the audit by actor. */
@Module({
  controllers: [EventExplorerController, PeriodActorsController],
  providers: [PastViews, VisibleHistory],
  exports: [PastViews],
})
export class HistoryModule {}
