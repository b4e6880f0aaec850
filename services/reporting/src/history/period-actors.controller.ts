import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@hypercare/auth';
import { NotFound } from '@hypercare/domain-kit';
import { ReadModel } from '@hypercare/runtime';
import { ApiOutcomes } from '@hypercare/service-kit';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { PeriodView } from '../periods/period-view.entity';
import { actorActivity } from './history.schemas';

@ApiTags('history')
@Controller('periods')
export class PeriodActorsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readModel: ReadModel,
  ) {}

  @Get(':periodId/actors')
  @Access('history.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary:
      "The period's audit by actor: who acted, how often, in which events, first and last; GET /events?period=&actor= lists one actor's events",
  })
  @ApiOutcomes(
    { status: 200, description: 'Each actor, most active first', schema: z.array(actorActivity) },
    404,
  )
  async actors(@Param('periodId') periodId: string) {
    if (!(await this.dataSource.getRepository(PeriodView).existsBy({ periodId })))
      throw new NotFound('period', periodId);
    return this.readModel.history.search.actors(periodId);
  }
}
