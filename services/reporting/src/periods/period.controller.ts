import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { NotFound, parseOrThrow } from '@hypercare/domain-kit';
import { ApiOutcomes } from '@hypercare/service-kit';
import type { Response } from 'express';
import { eventSource, ReadModel } from '@hypercare/runtime';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { awaitFreshness } from '../projections/freshness';
import { ticketBoardProjection } from '../tickets/ticket-board.projection';
import { listTickets, ticketListQuery } from '../tickets/ticket-list.query';
import { periodDashboard } from './dashboard.query';
import { PeriodView } from './period-view.entity';

/** Whose log positions `minPosition` names: triage records the periods and tickets. */
const TRIAGE_SOURCE = eventSource('triage');
const periodListQuery = z.object({ programme: z.string().min(1).max(200).optional() });

@ApiTags('periods')
@Controller('periods')
export class PeriodController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readModel: ReadModel,
  ) {}

  @Get()
  @ApiOperation({ summary: "Every period (optionally one programme's), side by side" })
  @ApiQuery({ name: 'programme', required: false })
  @ApiOutcomes({ status: 200, description: 'The periods, by go-live' }, 400)
  list(@Query() query: unknown) {
    const { programme } = parseOrThrow(periodListQuery, query);
    return this.dataSource
      .getRepository(PeriodView)
      .find({ where: programme ? { programme } : {}, order: { goLiveAt: 'ASC', periodId: 'ASC' } });
  }

  @Get(':periodId')
  @ApiOperation({ summary: 'One period: status, dates, definition' })
  @ApiOutcomes({ status: 200, description: 'The period' }, 404)
  async get(@Param('periodId') periodId: string) {
    return this.period(periodId);
  }

  @Get(':periodId/tickets')
  @ApiOperation({
    summary: "A period's tickets: filter by status, priority, category, assignee; sort; cursor pagination",
  })
  @ApiQuery({ name: 'status', required: false, description: 'Comma-separated statuses' })
  @ApiQuery({ name: 'priority', required: false, description: 'Comma-separated, e.g. P1,P2' })
  @ApiQuery({ name: 'category', required: false, description: 'Comma-separated categories' })
  @ApiQuery({ name: 'assignee', required: false, description: "Assignee's email" })
  @ApiQuery({
    name: 'sort',
    required: false,
    enum: ['reportedAt', '-reportedAt', 'priority', '-priority', 'updatedAt', '-updatedAt'],
  })
  @ApiQuery({ name: 'limit', required: false, description: '1-200, default 50' })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiQuery({
    name: 'minPosition',
    required: false,
    description: "Wait (up to 5 s) until triage's event at this log position is reflected",
  })
  @ApiOutcomes({ status: 200, description: '`items` and `nextCursor` (null on the last page)' }, 400, 404)
  async tickets(
    @Param('periodId') periodId: string,
    @Query() query: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    const parsed = parseOrThrow(ticketListQuery, query);
    if (parsed.minPosition !== undefined) {
      const { minPosition } = parsed;
      await awaitFreshness(
        () => this.readModel.reflects(ticketBoardProjection.name, TRIAGE_SOURCE, minPosition),
        response,
      );
    }
    await this.period(periodId);
    return listTickets(this.dataSource, periodId, parsed);
  }

  @Get(':periodId/dashboard')
  @ApiOperation({
    summary:
      'Counts by status, priority and category, new tickets per day, MTTA, MTTR, SLA compliance, open escalations',
  })
  @ApiOutcomes({ status: 200, description: 'The dashboard' }, 404)
  async dashboard(@Param('periodId') periodId: string) {
    await this.period(periodId);
    return periodDashboard(this.dataSource, periodId);
  }

  private async period(periodId: string): Promise<PeriodView> {
    const period = await this.dataSource.getRepository(PeriodView).findOneBy({ periodId });
    if (!period) throw new NotFound('period', periodId);
    return period;
  }
}
