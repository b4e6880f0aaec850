import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal, visibleTo } from '@hypercare/auth';
import { id } from '@hypercare/contracts';
import { NotFound } from '@hypercare/domain-kit';
import { ApiOutcomes, ValidQuery } from '@hypercare/service-kit';
import type { Response } from 'express';
import { eventSource, ReadModel } from '@hypercare/runtime';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { withProgrammeNames } from '../programmes/programme-names';
import { visiblePeriodsWhere } from '../programmes/visible-periods';
import { pastNote, pastQuery } from '../history/past-query';
import { PastViews } from '../history/past-views';
import { awaitFreshness } from '../projections/freshness';
import { ticketBoardProjection } from '../tickets/ticket-board.projection';
import { listTickets, ticketListQuery } from '../tickets/ticket-list.query';
import { ticketPage } from '../tickets/ticket.schemas';
import { periodDashboard } from './dashboard.query';
import { PeriodView } from './period-view.entity';
import { dashboard, periodRow } from './period.schemas';

/** Whose log positions `minPosition` names: triage records the periods and tickets. */
const TRIAGE_SOURCE = eventSource('triage');
const periodListQuery = z
  .object({ programmeId: id.optional().describe("Only this programme's periods") })
  .merge(pastQuery);
const minPosition = z.coerce
  .number()
  .int()
  .nonnegative()
  .optional()
  .describe("Wait (up to 5 s) until triage's event at this log position is reflected");
const dashboardQuery = z.object({ minPosition }).merge(pastQuery);
const ticketsQuery = ticketListQuery.merge(pastQuery);

@ApiTags('periods')
@Controller('periods')
export class PeriodController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readModel: ReadModel,
    private readonly past: PastViews,
  ) {}

  @Get()
  @Access('reporting.read', { kind: 'listed' })
  @ApiOperation({ summary: "Every period (optionally one programme's), side by side" })
  @ApiOutcomes(
    { status: 200, description: `The periods, by go-live${pastNote}`, schema: z.array(periodRow) },
    400,
  )
  async list(
    @ValidQuery(periodListQuery) query: z.infer<typeof periodListQuery>,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const where = visiblePeriodsWhere(visibleTo(principal, 'reporting.read'), query.programmeId);
    return this.past.read(query, undefined, response, async (dataSource) => {
      if (!where.length) return [];
      const periods = await dataSource.getRepository(PeriodView).find({
        where,
        order: { goLiveAt: 'ASC', periodId: 'ASC' },
      });
      return withProgrammeNames(dataSource, periods);
    });
  }

  @Get(':periodId')
  @Access('reporting.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'One period: status, dates, definition' })
  @ApiOutcomes({ status: 200, description: `The period${pastNote}`, schema: periodRow }, 400, 404)
  async get(
    @Param('periodId') periodId: string,
    @ValidQuery(pastQuery) query: z.infer<typeof pastQuery>,
    @Res({ passthrough: true }) response: Response,
  ) {
    await this.period(this.dataSource, periodId);
    return this.past.read(query, periodId, response, async (dataSource) => {
      const [period] = await withProgrammeNames(dataSource, [await this.period(dataSource, periodId)]);
      return period;
    });
  }

  @Get(':periodId/tickets')
  @Access('reporting.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary: "A period's tickets: filter by status, priority, category, assignee; sort; cursor pagination",
  })
  @ApiOutcomes({ status: 200, description: `One page of tickets${pastNote}`, schema: ticketPage }, 400, 404)
  async tickets(
    @Param('periodId') periodId: string,
    @ValidQuery(ticketsQuery) query: z.infer<typeof ticketsQuery>,
    @Res({ passthrough: true }) response: Response,
  ) {
    await this.reflect(query.minPosition, response);
    await this.period(this.dataSource, periodId);
    return this.past.read(query, periodId, response, (dataSource) =>
      listTickets(dataSource, periodId, query),
    );
  }

  @Get(':periodId/dashboard')
  @Access('reporting.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary:
      'Counts by status, priority and category, new tickets per day, MTTA, MTTR, SLA compliance, open escalations',
  })
  @ApiOutcomes({ status: 200, description: `The dashboard${pastNote}`, schema: dashboard }, 400, 404)
  async dashboard(
    @Param('periodId') periodId: string,
    @ValidQuery(dashboardQuery) query: z.infer<typeof dashboardQuery>,
    @Res({ passthrough: true }) response: Response,
  ) {
    await this.reflect(query.minPosition, response);
    await this.period(this.dataSource, periodId);
    return this.past.read(query, periodId, response, (dataSource) => periodDashboard(dataSource, periodId));
  }

  /** Read-your-writes: waits until the board reflects triage's event at `minPosition`. */
  private async reflect(position: number | undefined, response: Response): Promise<void> {
    if (position === undefined) return;
    await awaitFreshness(
      () => this.readModel.reflects(ticketBoardProjection.name, TRIAGE_SOURCE, position),
      response,
    );
  }

  private async period(dataSource: DataSource, periodId: string): Promise<PeriodView> {
    const period = await dataSource.getRepository(PeriodView).findOneBy({ periodId });
    if (!period) throw new NotFound('period', periodId);
    return period;
  }
}
