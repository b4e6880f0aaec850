import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@hypercare/auth';
import { id, isoTime } from '@hypercare/contracts';
import { NotFound } from '@hypercare/domain-kit';
import { ApiOutcomes } from '@hypercare/service-kit';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { PeriodView } from '../periods/period-view.entity';

const backlog = z.object({
  items: z.array(
    z.object({
      source: z.enum(['suggestion', 'ticket']),
      sourceId: id.describe('The feedback item or the ticket'),
      title: z.string().describe("The suggestion's backlog title, or the ticket's title"),
      rationale: z.string().nullable().describe('For a ticket: why it was deferred'),
      addedBy: z.string(),
      addedAt: isoTime,
    }),
  ),
});

@ApiTags('periods')
@Controller('periods/:periodId/backlog')
export class BacklogController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Access('reporting.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary:
      "The period's enhancement backlog: deferred suggestions and tickets decided defer-to-backlog, oldest first",
  })
  @ApiOutcomes({ status: 200, description: 'The backlog', schema: backlog }, 404)
  async list(@Param('periodId') periodId: string): Promise<z.input<typeof backlog>> {
    if (!(await this.dataSource.getRepository(PeriodView).existsBy({ periodId })))
      throw new NotFound('period', periodId);
    const rows = await this.dataSource.query<
      Array<{
        source: 'suggestion' | 'ticket';
        source_id: string;
        text: string;
        title: string | null;
        added_by: string;
        added_at: Date;
      }>
    >(
      `select b.source, b.source_id, b.text, t.title, b.added_by, b.added_at
         from reporting.backlog_items b left join reporting.tickets t on b.source = 'ticket' and t.ticket_id = b.source_id
        where b.period_id = $1 order by b.added_at, b.item_id`,
      [periodId],
    );
    return {
      items: rows.map((row) => ({
        source: row.source,
        sourceId: row.source_id,
        title: row.source === 'ticket' ? (row.title ?? row.text) : row.text,
        rationale: row.source === 'ticket' ? row.text : null,
        addedBy: row.added_by,
        addedAt: row.added_at.toISOString(),
      })),
    };
  }
}
