import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@hypercare/auth';
import { severity } from '@hypercare/contracts';
import { ApiOutcomes, ValidQuery } from '@hypercare/service-kit';
import { ServiceRuntime } from '@hypercare/runtime';
import { z } from 'zod';
import { MonitoredPeriods } from '../periods/monitored-periods';

const alertRow = z.object({
  alertId: z.string(),
  fingerprint: z.string(),
  source: z.string(),
  name: z.string(),
  status: z.enum(['firing', 'resolved']).nullable(),
  severity: severity.nullable(),
  service: z.string().nullable(),
  notifications: z.number().int().describe('Every time a source sent it'),
  raise: z.number().int().nullable().describe('How many times it has fired'),
  firstSeen: z.string(),
  lastSeen: z.string(),
  ticketId: z.string().nullable().describe('The ticket of its current firing, asked for or joined'),
});

const listQuery = z.object({
  status: z.enum(['firing', 'resolved']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

@ApiTags('alerts')
@Controller('periods/:periodId/alerts')
export class AlertListController {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly periods: MonitoredPeriods,
  ) {}

  @Get()
  @Access('reporting.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: "A period's alerts, most recently seen first, with their counts and tickets" })
  @ApiOutcomes({ status: 200, description: 'The alerts', schema: z.array(alertRow) }, 400, 404)
  async list(
    @Param('periodId') periodId: string,
    @ValidQuery(listQuery) { status, limit }: z.infer<typeof listQuery>,
  ): Promise<Array<z.input<typeof alertRow>>> {
    await this.periods.known(periodId);
    return this.runtime.sql.query(
      `select alert_id as "alertId", fingerprint, source, name, status, severity, service,
              notifications::int as notifications, raise, first_seen as "firstSeen", last_seen as "lastSeen",
              ticket_id as "ticketId"
         from monitoring.alerts
        where period_id = $1 and ($2::text is null or status = $2)
        order by last_seen desc, alert_id limit $3`,
      [periodId, status ?? null, limit],
    );
  }
}
