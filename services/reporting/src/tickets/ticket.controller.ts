import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@hypercare/auth';
import { NotFound } from '@hypercare/domain-kit';
import { ApiOutcomes, ValidQuery } from '@hypercare/service-kit';
import type { Response } from 'express';
import { reportSubmitted } from '@hypercare/contracts';
import { ReadModel } from '@hypercare/runtime';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { pastNote, pastQuery } from '../history/past-query';
import { PastViews } from '../history/past-views';
import { awaitFreshness } from '../projections/freshness';
import { ticketDetail } from './ticket.schemas';
import { TicketView } from './ticket-view.entity';
import { TimelineEntry } from './timeline-entry.entity';

const detailQuery = z
  .object({
    minVersion: z.coerce
      .number()
      .int()
      .min(0)
      .optional()
      .describe("Wait (up to 5 s) until the ticket reflects this stream version, e.g. a command's answer"),
  })
  .merge(pastQuery);

@ApiTags('tickets')
@Controller('tickets')
export class TicketController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readModel: ReadModel,
    private readonly past: PastViews,
  ) {}

  @Get(':ticketId')
  @Access('ticket.read', {
    kind: 'answer',
    resource: 'ticket',
    param: 'ticketId',
    place: ({ ticket }: { ticket: TicketView }) => ({
      periodId: ticket.periodId,
      reporter: ticket.reporterEmail,
    }),
  })
  @ApiOperation({
    summary:
      'A ticket with the report that opened it and its full timeline (every event: who, when, what changed)',
  })
  @ApiOutcomes(
    {
      status: 200,
      description: `The ticket, its report and its timeline; \`Hypercare-Stale: true\` if the wait ran out${pastNote}`,
      schema: ticketDetail,
    },
    400,
    404,
  )
  async detail(
    @Param('ticketId') ticketId: string,
    @ValidQuery(detailQuery) query: z.infer<typeof detailQuery>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { minVersion } = query;
    const tickets = this.dataSource.getRepository(TicketView);
    if (minVersion !== undefined) {
      await awaitFreshness(
        async () => ((await tickets.findOneBy({ ticketId }))?.version ?? -1) >= minVersion,
        response,
      );
    }
    const current = await tickets.findOneBy({ ticketId });
    if (!current) throw new NotFound('ticket', ticketId);
    const [report] = await this.readModel.receivedLog.readStreamOf(`report-${ticketId}`, [reportSubmitted], {
      maxCount: 1,
    });
    const { ticket, timeline } = await this.past.read(
      query,
      current.periodId,
      response,
      async (dataSource) => {
        const then = await dataSource.getRepository(TicketView).findOneBy({ ticketId });
        if (!then) throw new NotFound('ticket', `${ticketId} as of that moment`);
        const entries = await dataSource
          .getRepository(TimelineEntry)
          .find({ where: { ticketId }, order: { at: 'ASC', version: 'ASC' } });
        return { ticket: then, timeline: entries };
      },
    );
    return {
      ticket,
      report: report?.data ?? null,
      timeline: timeline.map(({ version, type, at, by, actor, summary, changes, eventId, data }) => ({
        eventId,
        version,
        type,
        at,
        by,
        actor,
        summary,
        changes,
        data,
      })),
    };
  }
}
