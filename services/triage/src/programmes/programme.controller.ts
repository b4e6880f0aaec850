import { Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@hypercare/auth';
import { programmeProfile } from '@hypercare/contracts';
import { commandMetadata, CorrelationId } from '@hypercare/runtime';
import { ApiOutcomes, BODY_LIMITS, JsonBody } from '@hypercare/service-kit';
import type { z } from 'zod';
import { periodDefinitionBody } from '../periods/period.dto';
import { periodOutcome } from '../periods/period.schemas';
import { PeriodService } from '../periods/period.service';
import { programmeOutcome, programmeView } from './programme.schemas';
import { ProgrammeService } from './programme.service';

type Outcome = Promise<z.input<typeof programmeOutcome>>;

@ApiTags('programmes')
@Controller('programmes')
export class ProgrammeController {
  constructor(
    private readonly programmes: ProgrammeService,
    private readonly periods: PeriodService,
  ) {}

  @Post()
  @Access('platform.admin', { kind: 'platform' })
  @ApiOperation({ summary: 'Creates a programme: the tenant hypercare periods belong to' })
  @ApiOutcomes({ status: 201, description: 'Created', schema: programmeOutcome }, 400)
  create(
    @JsonBody(programmeProfile) profile: z.infer<typeof programmeProfile>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Outcome {
    return this.programmes.create(profile, commandMetadata(correlationId, { actor }));
  }

  @Get(':programmeId')
  @Access('programme.read', { kind: 'programme', param: 'programmeId' })
  @ApiOperation({ summary: "A programme's name and description" })
  @ApiOutcomes({ status: 200, description: 'The programme', schema: programmeView }, 404)
  async get(@Param('programmeId') programmeId: string): Promise<z.input<typeof programmeView>> {
    const { programme, version } = await this.programmes.get(programmeId);
    return { programmeId, ...programme.profile, legacy: programme.legacy, version };
  }

  @Put(':programmeId')
  @Access('programme.manage', { kind: 'programme', param: 'programmeId' })
  @ApiOperation({ summary: "Replaces a programme's name and description" })
  @ApiOutcomes(
    { status: 200, description: 'Renamed (or already so named)', schema: programmeOutcome },
    400,
    404,
  )
  rename(
    @Param('programmeId') programmeId: string,
    @JsonBody(programmeProfile) profile: z.infer<typeof programmeProfile>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Outcome {
    return this.programmes.rename(programmeId, profile, commandMetadata(correlationId, { actor }));
  }

  @Post(':programmeId/periods')
  @Access('period.plan', { kind: 'programme', param: 'programmeId' })
  @ApiOperation({
    summary:
      'Plans a hypercare period of the programme: system, go-live, roster, SLA policy, matrices, exit criteria',
  })
  @ApiOutcomes({ status: 201, description: 'Planned', schema: periodOutcome }, 400, 404)
  async plan(
    @Param('programmeId') programmeId: string,
    @JsonBody(periodDefinitionBody, BODY_LIMITS.definition) definition: z.infer<typeof periodDefinitionBody>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<z.input<typeof periodOutcome>> {
    await this.programmes.get(programmeId);
    return this.periods.plan(programmeId, definition, commandMetadata(correlationId, { actor }));
  }
}
