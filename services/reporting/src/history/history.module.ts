import { Module } from '@nestjs/common';
import { EventExplorerController } from './event-explorer.controller';
import { PastViews } from './past-views';
import { PeriodActorsController } from './period-actors.controller';
import { VisibleHistory } from './visible-history';
import { WhatIfController } from '../what-if/what-if.controller';
import { WhatIf } from '../what-if/what-if.service';

/** Reporting's history: every view as of a past moment, the event explorer, the audit by actor, what-if replays. */
@Module({
  controllers: [EventExplorerController, PeriodActorsController, WhatIfController],
  providers: [PastViews, VisibleHistory, WhatIf],
  exports: [PastViews],
})
export class HistoryModule {}
