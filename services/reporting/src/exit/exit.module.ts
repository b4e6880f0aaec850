import { Module } from '@nestjs/common';
import { HandoffController } from '../handoff/handoff.controller';
import { HandoffScheduler } from '../handoff/handoff-scheduler';
import { Handoffs } from '../handoff/handoffs';
import { ExitController } from './exit.controller';
import { ExitEvaluation } from './exit-evaluation';
import { ExitReadiness } from './exit-readiness';
import { ExitScheduler } from './exit-scheduler';

/** The exit: criteria evaluated, readiness, and the handoff package of each closed period. */
@Module({
  controllers: [ExitController, HandoffController],
  providers: [ExitEvaluation, ExitReadiness, ExitScheduler, Handoffs, HandoffScheduler],
  exports: [ExitReadiness],
})
export class ExitModule {}
