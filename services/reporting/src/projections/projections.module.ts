import { Module } from '@nestjs/common';
import { HistoryImport } from './history-import';
import { ProjectionController } from './projection.controller';

@Module({ controllers: [ProjectionController], providers: [HistoryImport] })
export class ProjectionsModule {}
