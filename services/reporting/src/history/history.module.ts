import { Module } from '@nestjs/common';
import { PastViews } from './past-views';

/** Reporting's history: every view as of a past moment. */
@Module({ providers: [PastViews], exports: [PastViews] })
export class HistoryModule {}
