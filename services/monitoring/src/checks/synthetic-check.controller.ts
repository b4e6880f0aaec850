import { Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@hypercare/auth';
import { syntheticCheckDefinition } from '@hypercare/contracts';
import { InvalidCommand } from '@hypercare/domain-kit';
import { commandMetadata, CorrelationId } from '@hypercare/runtime';
import { ApiOutcomes, JsonBody, ValidQuery } from '@hypercare/service-kit';
import { z } from 'zod';
import { MonitoredPeriods } from '../periods/monitored-periods';
import { SyntheticChecks } from './synthetic-checks';

const outcome = z.object({
  checkId: z.string(),
  name: z.string(),
  version: z.number().int().describe("The check stream's version after the command"),
});
const run = z.object({
  at: z.string(),
  ok: z.boolean(),
  status: z.number().int().nullable(),
  latencyMs: z.number().int().nullable(),
  problem: z.string().nullable(),
});
const view = z.object({
  checkId: z.string(),
  name: z.string(),
  definition: syntheticCheckDefinition.describe('Header values are hidden'),
  failuresInARow: z.number().int(),
  alerting: z.boolean(),
  nextRunAt: z.string().nullable(),
  lastRun: run.nullable(),
});
const NAME = /^[A-Za-z0-9_-]{1,60}$/;

/** The check's name from the path, or a 400 naming it. */
const validName = (name: string): string => {
  if (!NAME.test(name))
    throw new InvalidCommand([{ field: 'name', message: 'letters, digits, _ and - only, at most 60' }]);
  return name;
};

const runsQuery = z.object({ limit: z.coerce.number().int().min(1).max(1_000).default(100) });

@ApiTags('synthetic checks')
@Controller('periods/:periodId/synthetic-checks')
export class SyntheticCheckController {
  constructor(
    private readonly checks: SyntheticChecks,
    private readonly periods: MonitoredPeriods,
  ) {}

  @Put(':name')
  @Access('period.manage', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary: 'Defines (or redefines) a synthetic check the service runs itself on a critical user path',
  })
  @ApiOutcomes({ status: 200, description: 'Defined', schema: outcome }, 400, 404)
  async define(
    @Param('periodId') periodId: string,
    @Param('name') name: string,
    @JsonBody(syntheticCheckDefinition) definition: z.infer<typeof syntheticCheckDefinition>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<z.input<typeof outcome>> {
    await this.periods.known(periodId);
    return this.checks.define(
      periodId,
      validName(name),
      definition,
      commandMetadata(correlationId, { actor }),
    );
  }

  @Delete(':name')
  @HttpCode(200)
  @Access('period.manage', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'Removes a synthetic check: it runs no more' })
  @ApiOutcomes({ status: 200, description: 'Removed', schema: outcome }, 404)
  async remove(
    @Param('periodId') periodId: string,
    @Param('name') name: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<z.input<typeof outcome>> {
    await this.periods.known(periodId);
    return this.checks.remove(periodId, validName(name), commandMetadata(correlationId, { actor }));
  }

  @Get()
  @Access('reporting.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: "The period's synthetic checks, how their runs stand and their last run" })
  @ApiOutcomes({ status: 200, description: 'The checks', schema: z.array(view) }, 404)
  async list(@Param('periodId') periodId: string) {
    await this.periods.known(periodId);
    return this.checks.list(periodId);
  }

  @Get(':name/runs')
  @Access('reporting.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: "A check's rolling series of runs (a day), newest first" })
  @ApiOutcomes({ status: 200, description: 'The runs', schema: z.array(run) }, 400, 404)
  async runs(
    @Param('periodId') periodId: string,
    @Param('name') name: string,
    @ValidQuery(runsQuery) { limit }: z.infer<typeof runsQuery>,
  ) {
    await this.periods.known(periodId);
    return this.checks.runs(periodId, validName(name), limit);
  }
}
