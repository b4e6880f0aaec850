import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { NotFound, parseOrThrow } from '@hypercare/domain-kit';
import { ApiOutcomes } from '@hypercare/service-kit';
import type { Response } from 'express';
import { reportSubmitted } from '@hypercare/contracts';
import { ReadModel } from '@hypercare/runtime';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { awaitFreshness } from '../projections/freshness';
import { TicketView } from './ticket-view.entity';
import { TimelineEntry } from './timeline-entry.entity';

const detailQuery = z.object({ minVersion: z.coerce.number().int().min(0).optional() });

@ApiTags('tickets')
@Controller('tickets')
export class TicketController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readModel: ReadModel,
  ) {}

  @Get(':ticketId')
  @ApiOperation({
    summary:
      'A ticket with the report that opened it and its full timeline (every event: who, when, what changed)',
  })
  @ApiQuery({
    name: 'minVersion',
    required: false,
    description: "Wait (up to 5 s) until the ticket reflects this stream version, e.g. a command's answer",
  })
  @ApiOutcomes(
    {
      status: 200,
      description: 'The ticket, its report and its timeline; `Hypercare-Stale: true` if the wait ran out',
    },
    400,
    404,
  )
  async detail(
    @Param('ticketId') ticketId: string,
    @Query() query: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { minVersion } = parseOrThrow(detailQuery, query);
    const tickets = this.dataSource.getRepository(TicketView);
    if (minVersion !== undefined) {
      await awaitFreshness(
        async () => ((await tickets.findOneBy({ ticketId }))?.version ?? -1) >= minVersion,
        response,
      );
    }
    const ticket = await tickets.findOneBy({ ticketId });
    if (!ticket) throw new NotFound('ticket', ticketId);
    const [report] = await this.readModel.receivedLog.readStreamOf(`report-${ticketId}`, [reportSubmitted], {
      maxCount: 1,
    });
    const timeline = await this.dataSource
      .getRepository(TimelineEntry)
      .find({ where: { ticketId }, order: { at: 'ASC', version: 'ASC' } });
    return {
      ticket,
      report: report?.data ?? null,
      timeline: timeline.map(({ version, type, at, by, summary, changes, eventId, data }) => ({
        eventId,
        version,
        type,
        at,
        by,
        summary,
        changes,
        data,
      })),
    };
  }
}
