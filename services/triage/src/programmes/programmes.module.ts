import { Module } from '@nestjs/common';
import { PeriodsModule } from '../periods/periods.module';
import { LegacyProgrammes } from './legacy-programmes';
import { ProgrammeController } from './programme.controller';
import { ProgrammeService } from './programme.service';

@Module({
  imports: [PeriodsModule],
  controllers: [ProgrammeController],
  providers: [ProgrammeService, LegacyProgrammes],
})
export class ProgrammesModule {}
