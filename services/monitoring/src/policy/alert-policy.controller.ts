import { Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@hypercare/auth';
import { alertPolicy } from '@hypercare/contracts';
import { commandMetadata, CorrelationId } from '@hypercare/runtime';
import { ApiOutcomes, BODY_LIMITS, JsonBody } from '@hypercare/service-kit';
import { z } from 'zod';
import { MonitoredPeriods } from '../periods/monitored-periods';
import { AlertPolicies } from './alert-policies';

const versioned = z.object({
  policy: alertPolicy,
  version: z
    .number()
    .int()
    .describe('0: the defaults; each change a new version, cited by the tickets it asks for'),
});

@ApiTags('alerts')
@Controller('periods/:periodId/alert-policy')
export class AlertPolicyController {
  constructor(
    private readonly policies: AlertPolicies,
    private readonly periods: MonitoredPeriods,
  ) {}

  @Get()
  @Access('period.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary: "The period's monitoring policy in force: severities, ticket rules, categories, flapping",
  })
  @ApiOutcomes({ status: 200, description: 'The policy and its version', schema: versioned }, 404)
  async get(@Param('periodId') periodId: string): Promise<z.input<typeof versioned>> {
    await this.periods.known(periodId);
    return this.policies.of(periodId);
  }

  @Put()
  @Access('period.manage', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: "Replaces the period's monitoring policy; parts left out are the defaults" })
  @ApiOutcomes({ status: 200, description: 'The policy now in force', schema: versioned }, 400, 404)
  async set(
    @Param('periodId') periodId: string,
    @JsonBody(alertPolicy, BODY_LIMITS.definition) policy: z.infer<typeof alertPolicy>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<z.input<typeof versioned>> {
    await this.periods.known(periodId);
    return this.policies.set(periodId, policy, commandMetadata(correlationId, { actor }));
  }
}
