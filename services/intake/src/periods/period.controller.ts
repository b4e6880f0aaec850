import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOutcomes } from '@hypercare/service-kit';
import { PeriodDirectory } from './period-directory';

@ApiTags('periods')
@Controller('periods')
export class PeriodController {
  constructor(private readonly directory: PeriodDirectory) {}

  @Get(':periodId')
  @ApiOperation({ summary: 'Whether intake knows the period yet, and whether it takes reports' })
  @ApiOutcomes({ status: 200, description: 'The period as intake knows it' }, 404)
  get(@Param('periodId') periodId: string) {
    return this.directory.find(periodId);
  }
}
