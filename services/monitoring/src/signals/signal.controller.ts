import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@hypercare/auth';
import { commandMetadata, CorrelationId } from '@hypercare/runtime';
import { ApiOutcomes, BODY_LIMITS, JsonBody } from '@hypercare/service-kit';
import type { z } from 'zod';
import { MonitoredPeriods } from '../periods/monitored-periods';
import { signalReceipt } from './gateway-signal.controller';
import type { SignalReceipt } from './gateway-signals';
import { signalFormats } from './signal-records';
import { Signals } from './signals';

const counted = {
  status: 200,
  description: 'Counted; what the rules raised or resolved',
  schema: signalReceipt,
};
type Batch<S extends keyof typeof signalFormats> = z.infer<(typeof signalFormats)[S]['schema']>;

/** Sign-ins, job runs and business transactions in, counted per key and minute, judged by the period's signal rules. */
@ApiTags('signals')
@Controller('periods/:periodId/signals')
export class SignalController {
  constructor(
    private readonly signals: Signals,
    private readonly periods: MonitoredPeriods,
  ) {}

  @Post('logins')
  @HttpCode(200)
  @Access('alert.send', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'Sign-in outcomes (a failure is `user.login.failed`)' })
  @ApiOutcomes(counted, 400, 404, 409)
  async logins(
    @Param('periodId') periodId: string,
    @JsonBody(signalFormats.logins.schema, BODY_LIMITS.report) body: Batch<'logins'>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<SignalReceipt> {
    await this.periods.takingAlerts(periodId);
    const events = body.records.map(signalFormats.logins.read);
    return this.signals.receive(periodId, 'logins', events, commandMetadata(correlationId, { actor }));
  }

  @Post('jobs')
  @HttpCode(200)
  @Access('alert.send', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'Background job runs and how they ended' })
  @ApiOutcomes(counted, 400, 404, 409)
  async jobs(
    @Param('periodId') periodId: string,
    @JsonBody(signalFormats.jobs.schema, BODY_LIMITS.report) body: Batch<'jobs'>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<SignalReceipt> {
    await this.periods.takingAlerts(periodId);
    const events = body.records.map(signalFormats.jobs.read);
    return this.signals.receive(periodId, 'jobs', events, commandMetadata(correlationId, { actor }));
  }

  @Post('transactions')
  @HttpCode(200)
  @Access('alert.send', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary: 'Business transactions (orders placed, syncs completed) and whether each succeeded',
  })
  @ApiOutcomes(counted, 400, 404, 409)
  async transactions(
    @Param('periodId') periodId: string,
    @JsonBody(signalFormats.transactions.schema, BODY_LIMITS.report) body: Batch<'transactions'>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<SignalReceipt> {
    await this.periods.takingAlerts(periodId);
    const events = body.records.map(signalFormats.transactions.read);
    return this.signals.receive(periodId, 'transactions', events, commandMetadata(correlationId, { actor }));
  }
}
