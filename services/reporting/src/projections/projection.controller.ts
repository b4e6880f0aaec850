import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@hypercare/auth';
import type { RebuildReport } from '@hypercare/projections';
import { ReadModel } from '@hypercare/runtime';
import { ApiOutcomes, ValidQuery } from '@hypercare/service-kit';
import { z } from 'zod';
import { periodListProjection } from '../periods/period-list.projection';
import { ticketBoardProjection } from '../tickets/ticket-board.projection';

const PROJECTIONS = [ticketBoardProjection.name, periodListProjection.name] as const;
const rebuildQuery = z.object({ projection: z.enum(PROJECTIONS).optional().describe('Default: all') });

const checkpoint = z.object({
  projection: z.string(),
  lastSeq: z.string().describe('Position of the last received event applied (a decimal string)'),
  lag: z.number().int().describe('Received events not applied yet'),
  rebuiltAt: z.string().datetime().nullable(),
});
const rebuildReport = z.object({
  projections: z.array(z.string()),
  events: z.number().int(),
  durationMs: z.number(),
});

@ApiTags('projections')
@Controller('projections')
export class ProjectionController {
  constructor(private readonly readModel: ReadModel) {}

  @Get()
  @Access('platform.admin', { kind: 'platform' })
  @ApiOperation({
    summary:
      "Each projection's checkpoint (position of the last received event applied), how far behind it is, when it was last rebuilt",
  })
  @ApiOutcomes({ status: 200, description: 'The checkpoints', schema: z.array(checkpoint) })
  async checkpoints(): Promise<Array<z.input<typeof checkpoint>>> {
    return (await this.readModel.status()).map(({ name, position, lag, rebuiltAt }) => ({
      projection: name,
      lastSeq: String(position),
      lag,
      rebuiltAt: rebuiltAt?.toISOString() ?? null,
    }));
  }

  @Post('rebuild')
  @Access('platform.admin', { kind: 'platform' })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Empties projections and replays them from the received events; answers when done',
  })
  @ApiOutcomes(
    {
      status: 200,
      description: 'What was rebuilt from how many events, how long it took',
      schema: rebuildReport,
    },
    400,
  )
  rebuild(@ValidQuery(rebuildQuery) { projection }: z.infer<typeof rebuildQuery>): Promise<RebuildReport> {
    return this.readModel.rebuild(projection);
  }
}
