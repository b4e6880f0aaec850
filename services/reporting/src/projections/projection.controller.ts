import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiOutcomes } from '@hypercare/service-kit';
import { DataSource } from 'typeorm';
import { ProjectionCheckpoint } from './checkpoint.entity';
import { Rebuild, type RebuildReport } from './rebuild';

@ApiTags('projections')
@Controller('projections')
export class ProjectionController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rebuilder: Rebuild,
  ) {}

  @Get()
  @ApiOperation({ summary: "Each projection's checkpoint (last history entry applied) and when it was last rebuilt" })
  @ApiOutcomes({ status: 200, description: 'The checkpoints' })
  checkpoints() {
    return this.dataSource.getRepository(ProjectionCheckpoint).find({ order: { projection: 'ASC' } });
  }

  @Post('rebuild')
  @HttpCode(200)
  @ApiOperation({ summary: 'Drops projections and replays them from the event history; answers when done' })
  @ApiQuery({ name: 'projection', required: false, enum: ['ticket-board', 'period-list'], description: 'Default: all' })
  @ApiOutcomes({ status: 200, description: 'What was rebuilt from how many events, how long it took' }, 404)
  rebuild(@Query('projection') projection?: string): Promise<RebuildReport> {
    return this.rebuilder.run(projection);
  }
}
