import { Module } from '@nestjs/common';
import { ExitController } from './exit.controller';
import { ExitEvaluation } from './exit-evaluation';
import { ExitReadiness } from './exit-readiness';
import { ExitScheduler } from './exit-scheduler';

@Module({ controllers: [ExitController], providers: [ExitEvaluation, ExitReadiness, ExitScheduler] })
export class ExitModule {}
