import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal, visibleTo } from '@hypercare/auth';
import { id } from '@hypercare/contracts';
import { ApiOutcomes, ValidQuery } from '@hypercare/service-kit';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { pastNote, pastQuery, type PastQuery } from '../history/past-query';
import { PastViews } from '../history/past-views';
import { ProgrammeOverview } from './programme-overview';
import { programmeOverview } from './programme-overview.schemas';

export const programmeRow = z.object({
  programmeId: id,
  name: z.string(),
  description: z.string().nullable(),
  legacy: z.boolean().describe('Made by the migration from periods that named their programme as free text'),
  periods: z.number().int().describe('Its periods the caller may see'),
  running: z.number().int().describe('Of those, the ones active or in exit review'),
});

/**
 * The programmes whose periods (or which themselves) the caller is granted, each counting only
 * the periods the caller may see: a period's lead learns nothing of its programme's other periods.
 */
const PROGRAMMES = `
  select p.programme_id as "programmeId", p.name, p.description, p.legacy,
         count(v.period_id)::int as periods,
         (count(v.period_id) filter (where v.status in ('active', 'exit-review')))::int as running
    from reporting.programmes p
    left join reporting.periods v on v.programme_id = p.programme_id
      and ($1 or v.programme_id = any($2) or v.period_id = any($3))
   where $1 or p.programme_id = any($2)
      or p.programme_id in (select programme_id from reporting.periods where period_id = any($3))
   group by p.programme_id
   order by p.name, p.programme_id`;

@ApiTags('programmes')
@Controller('programmes')
export class ProgrammeController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly overview: ProgrammeOverview,
    private readonly past: PastViews,
  ) {}

  @Get(':programmeId/overview')
  @Access('reporting.read', { kind: 'programme', param: 'programmeId' })
  @ApiOperation({
    summary:
      "The programme's periods side by side, aligned on days since go-live: curves, KPIs, exit readiness and forecast",
  })
  @ApiOutcomes({ status: 200, description: `The overview${pastNote}`, schema: programmeOverview }, 400, 404)
  async overviewOf(
    @Param('programmeId') programmeId: string,
    @ValidQuery(pastQuery) query: PastQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<z.input<typeof programmeOverview>> {
    const exitStreams = await this.overview.exitStreams(programmeId);
    return this.past.read(query, undefined, response, (dataSource, now) =>
      this.overview.of(programmeId, now ? { dataSource, now, exitStreams } : undefined),
    );
  }

  @Get()
  @Access('reporting.read', { kind: 'listed' })
  @ApiOperation({ summary: 'The programmes the caller may see, with how many of their periods run' })
  @ApiOutcomes({ status: 200, description: 'The programmes, by name', schema: z.array(programmeRow) })
  list(@CurrentPrincipal() principal: Principal): Promise<Array<z.input<typeof programmeRow>>> {
    const visible = visibleTo(principal, 'reporting.read');
    const all = visible === 'all';
    return this.dataSource.query(PROGRAMMES, [
      all,
      all ? [] : visible.programmes,
      all ? [] : visible.periods,
    ]);
  }
}
