import { Module } from '@nestjs/common';
import { ExitModule } from '../exit/exit.module';
import { HistoryModule } from '../history/history.module';
import { ProgrammeController } from './programme.controller';
import { ProgrammeOverview } from './programme-overview';

@Module({
  imports: [ExitModule, HistoryModule],
  controllers: [ProgrammeController],
  providers: [ProgrammeOverview],
})
export class ProgrammesModule {}
