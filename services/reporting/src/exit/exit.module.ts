import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { HandoffController } from '../handoff/handoff.controller';
import { StandupController } from '../standup/standup.controller';
import { StandupReport } from '../standup/standup-report';
import { StandupScheduler } from '../standup/standup-scheduler';
import { HandoffScheduler } from '../handoff/handoff-scheduler';
import { Handoffs } from '../handoff/handoffs';
import { ExitController } from './exit.controller';
import { ExitEvaluation } from './exit-evaluation';
import { ExitReadiness } from './exit-readiness';
import { ExitScheduler } from './exit-scheduler';

/** The exit: criteria evaluated, readiness, the daily stand-up, and the handoff package of each closed period. */
@Module({
  imports: [HistoryModule],
  controllers: [ExitController, HandoffController, StandupController],
  providers: [
    ExitEvaluation,
    ExitReadiness,
    ExitScheduler,
    Handoffs,
    HandoffScheduler,
    StandupReport,
    StandupScheduler,
  ],
  exports: [ExitReadiness, ExitEvaluation],
})
export class ExitModule {}
