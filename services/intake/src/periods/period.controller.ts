import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@hypercare/auth';
import { id, PERIOD_STATUSES } from '@hypercare/contracts';
import { ApiOutcomes } from '@hypercare/service-kit';
import { z } from 'zod';
import { PeriodDirectory } from './period-directory';

const knownPeriod = z.object({
  periodId: id,
  programmeId: id,
  systemName: z.string(),
  status: z.enum(PERIOD_STATUSES).describe('Reports are taken while active or in exit review'),
});

@ApiTags('periods')
@Controller('periods')
export class PeriodController {
  constructor(private readonly directory: PeriodDirectory) {}

  @Get(':periodId')
  @Access('report.submit', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'Whether intake knows the period yet, and whether it takes reports' })
  @ApiOutcomes({ status: 200, description: 'The period as intake knows it', schema: knownPeriod }, 404)
  get(@Param('periodId') periodId: string): Promise<z.input<typeof knownPeriod>> {
    return this.directory.find(periodId);
  }
}
