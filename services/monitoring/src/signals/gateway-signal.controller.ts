import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@hypercare/auth';
import { commandMetadata, CorrelationId } from '@hypercare/runtime';
import { ApiOutcomes, BODY_LIMITS, JsonBody } from '@hypercare/service-kit';
import { z } from 'zod';
import { MonitoredPeriods } from '../periods/monitored-periods';
import { type GatewayFormat, gatewayBatches, gatewayRecords } from './gateway-records';
import { GatewaySignals, type SignalReceipt } from './gateway-signals';

/** What a batch of signals answers: the records counted and what the rules raised or resolved. */
export const signalReceipt = z.object({
  records: z.number().int(),
  alerts: z.object({
    notifications: z.number().int(),
    alerts: z.number().int(),
    raised: z.number().int(),
    resolved: z.number().int(),
    ticketsRequested: z.number().int(),
    linked: z.number().int(),
  }),
});
const counted = {
  status: 200,
  description: 'Counted; what the rules raised or resolved',
  schema: signalReceipt,
};

/** API-gateway access records in, counted per route and minute, judged by the period's gateway rules. */
@ApiTags('signals')
@Controller('periods/:periodId/signals/gateway')
export class GatewaySignalController {
  constructor(
    private readonly signals: GatewaySignals,
    private readonly periods: MonitoredPeriods,
  ) {}

  @Post()
  @HttpCode(200)
  @Access('alert.send', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'Gateway records in the platform’s format (docs/monitoring.md)' })
  @ApiOutcomes(counted, 400, 404, 409)
  hypercare(
    @Param('periodId') periodId: string,
    @JsonBody(gatewayBatches.hypercare, BODY_LIMITS.report) body: z.infer<typeof gatewayBatches.hypercare>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<SignalReceipt> {
    return this.take(periodId, 'hypercare', body, actor, correlationId);
  }

  @Post('nginx')
  @HttpCode(200)
  @Access('alert.send', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'NGINX JSON access-log records (log_format escape=json, docs/monitoring.md)' })
  @ApiOutcomes(counted, 400, 404, 409)
  nginx(
    @Param('periodId') periodId: string,
    @JsonBody(gatewayBatches.nginx, BODY_LIMITS.report) body: z.infer<typeof gatewayBatches.nginx>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<SignalReceipt> {
    return this.take(periodId, 'nginx', body, actor, correlationId);
  }

  @Post('aws-apigateway')
  @HttpCode(200)
  @Access('alert.send', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'AWS API Gateway JSON access-log records (docs/monitoring.md)' })
  @ApiOutcomes(counted, 400, 404, 409)
  aws(
    @Param('periodId') periodId: string,
    @JsonBody(gatewayBatches['aws-apigateway'], BODY_LIMITS.report)
    body: z.infer<(typeof gatewayBatches)['aws-apigateway']>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<SignalReceipt> {
    return this.take(periodId, 'aws-apigateway', body, actor, correlationId);
  }

  private async take(
    periodId: string,
    format: GatewayFormat,
    body: { records: unknown[] },
    actor: Actor,
    correlationId?: string,
  ): Promise<SignalReceipt> {
    await this.periods.takingAlerts(periodId);
    return this.signals.receive(
      periodId,
      gatewayRecords(format, body),
      commandMetadata(correlationId, { actor }),
    );
  }
}
