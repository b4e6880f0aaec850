import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { RebuildReport } from '@hypercare/projections';
import { ReadModel } from '@hypercare/runtime';
import { ApiOutcomes } from '@hypercare/service-kit';
import { periodListProjection } from '../periods/period-list.projection';
import { ticketBoardProjection } from '../tickets/ticket-board.projection';

@ApiTags('projections')
@Controller('projections')
export class ProjectionController {
  constructor(private readonly readModel: ReadModel) {}

  @Get()
  @ApiOperation({
    summary:
      "Each projection's checkpoint (position of the last received event applied), how far behind it is, when it was last rebuilt",
  })
  @ApiOutcomes({ status: 200, description: 'The checkpoints' })
  async checkpoints() {
    return (await this.readModel.status()).map(({ name, position, lag, rebuiltAt }) => ({
      projection: name,
      lastSeq: String(position),
      lag,
      rebuiltAt,
    }));
  }

  @Post('rebuild')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Empties projections and replays them from the received events; answers when done',
  })
  @ApiQuery({
    name: 'projection',
    required: false,
    enum: [ticketBoardProjection.name, periodListProjection.name],
    description: 'Default: all',
  })
  @ApiOutcomes({ status: 200, description: 'What was rebuilt from how many events, how long it took' }, 404)
  rebuild(@Query('projection') projection?: string): Promise<RebuildReport> {
    return this.readModel.rebuild(projection);
  }
}
