import { Module } from '@nestjs/common';
import { CheckRunner } from './check-runner';
import { SyntheticCheckController } from './synthetic-check.controller';
import { SyntheticChecks } from './synthetic-checks';

/** Synthetic checks: defined per period, run by the service itself, alerting after failures in a row. */
@Module({ controllers: [SyntheticCheckController], providers: [SyntheticChecks, CheckRunner] })
export class ChecksModule {}
