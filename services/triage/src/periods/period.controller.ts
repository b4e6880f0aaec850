import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERIOD_STATUSES } from '@hypercare/contracts';
import { parseOrThrow } from '@hypercare/domain-kit';
import { commandMetadata, CORRELATION_HEADER } from '@hypercare/runtime';
import { ApiJsonBody, ApiOutcomes } from '@hypercare/service-kit';
import { actorBody, closeBody, definitionWithActor, extendBody, reconfigureWithActor } from './period.dto';
import { type PeriodOutcome, PeriodService } from './period.service';

const outcome = {
  type: 'object',
  properties: {
    periodId: { type: 'string', format: 'uuid' },
    status: { type: 'string', enum: [...PERIOD_STATUSES] },
    version: { type: 'integer', description: "The period stream's version after the command" },
    position: {
      type: 'integer',
      description: 'Global log position of the last new event; pass it as minPosition to read your write',
    },
  },
};

@ApiTags('periods')
@Controller('periods')
export class PeriodController {
  constructor(private readonly periods: PeriodService) {}

  @Post()
  @ApiOperation({
    summary:
      'Plans a hypercare period: programme, system, go-live, roster, SLA policy, matrices, exit criteria',
  })
  @ApiJsonBody(definitionWithActor)
  @ApiOutcomes({ status: 201, description: 'Planned', schema: outcome }, 400)
  plan(@Body() body: unknown, @Headers(CORRELATION_HEADER) correlationId?: string): Promise<PeriodOutcome> {
    const { by, ...definition } = parseOrThrow(definitionWithActor, body);
    return this.periods.plan(definition, commandMetadata(correlationId, { actor: by }));
  }

  @Get(':periodId')
  @ApiOperation({ summary: "A period's status and whole definition" })
  @ApiOutcomes({ status: 200, description: 'The period' }, 404)
  async get(@Param('periodId') periodId: string) {
    const { period, version } = await this.periods.get(periodId);
    return { ...period, version };
  }

  @Put(':periodId')
  @ApiOperation({ summary: "Replaces a period's definition (roster, policies, matrices, exit criteria)" })
  @ApiJsonBody(reconfigureWithActor)
  @ApiOutcomes({ status: 200, description: 'Reconfigured', schema: outcome }, 400, 404, 409)
  reconfigure(
    @Param('periodId') periodId: string,
    @Body() body: unknown,
    @Headers(CORRELATION_HEADER) correlationId?: string,
  ) {
    const { by, ...definition } = parseOrThrow(reconfigureWithActor, body);
    return this.periods.reconfigure(periodId, definition, commandMetadata(correlationId, { actor: by }));
  }

  @Post(':periodId/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Starts the period: it takes reports from now on' })
  @ApiJsonBody(actorBody)
  @ApiOutcomes({ status: 200, description: 'Active', schema: outcome }, 400, 404, 409)
  activate(
    @Param('periodId') periodId: string,
    @Body() body: unknown,
    @Headers(CORRELATION_HEADER) correlationId?: string,
  ) {
    const { by } = parseOrThrow(actorBody, body);
    return this.periods.activate(periodId, commandMetadata(correlationId, { actor: by }));
  }

  @Post(':periodId/extend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Moves the planned end later, with the reason' })
  @ApiJsonBody(extendBody)
  @ApiOutcomes({ status: 200, description: 'Extended', schema: outcome }, 400, 404, 409)
  extend(
    @Param('periodId') periodId: string,
    @Body() body: unknown,
    @Headers(CORRELATION_HEADER) correlationId?: string,
  ) {
    const { by, plannedEndAt, reason } = parseOrThrow(extendBody, body);
    return this.periods.extend(periodId, plannedEndAt, reason, commandMetadata(correlationId, { actor: by }));
  }

  @Post(':periodId/exit-review')
  @HttpCode(200)
  @ApiOperation({ summary: 'Starts reviewing the exit criteria' })
  @ApiJsonBody(actorBody)
  @ApiOutcomes({ status: 200, description: 'In exit review', schema: outcome }, 400, 404, 409)
  startExitReview(
    @Param('periodId') periodId: string,
    @Body() body: unknown,
    @Headers(CORRELATION_HEADER) correlationId?: string,
  ) {
    const { by } = parseOrThrow(actorBody, body);
    return this.periods.startExitReview(periodId, commandMetadata(correlationId, { actor: by }));
  }

  @Post(':periodId/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ends the period; support passes to business as usual' })
  @ApiJsonBody(closeBody)
  @ApiOutcomes({ status: 200, description: 'Closed', schema: outcome }, 400, 404, 409)
  close(
    @Param('periodId') periodId: string,
    @Body() body: unknown,
    @Headers(CORRELATION_HEADER) correlationId?: string,
  ) {
    const { by, summary } = parseOrThrow(closeBody, body);
    return this.periods.close(periodId, summary, commandMetadata(correlationId, { actor: by }));
  }
}
