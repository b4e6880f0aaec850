import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@hypercare/auth';
import { commandMetadata, CorrelationId } from '@hypercare/runtime';
import { ApiOutcomes, BODY_LIMITS, JsonBody } from '@hypercare/service-kit';
import { z } from 'zod';
import { MonitoredPeriods } from '../periods/monitored-periods';
import type { Notification } from './alert.decider';
import { AlertIntake, type Receipt } from './alert-intake';
import { alertmanagerNotifications, alertmanagerPayload, grafanaPayload } from './sources/alertmanager';
import { genericNotifications, genericPayload } from './sources/generic';

/** The label that routes an alert sent to a programme's receiver to one of its periods. */
export const PERIOD_LABEL = 'hypercare_period';

const receipt = z.object({
  notifications: z.number().int().describe('Alerts in the request'),
  alerts: z.number().int().describe('Distinct alerts among them'),
  raised: z.number().int().describe('Alerts that started firing (again)'),
  resolved: z.number().int(),
  ticketsRequested: z.number().int(),
  linked: z.number().int().describe('Alerts that joined an open ticket'),
});

const received = { status: 200, description: 'Counted; what changed', schema: receipt };
const sourceSummary = {
  alertmanager: "Prometheus Alertmanager's webhook (payload version 4)",
  grafana: "Grafana unified alerting's webhook",
  generic: 'Alerts in the generic format (docs/monitoring.md)',
} as const;

/**
 * The receivers: one URL per period, or one per programme whose alerts name their period in
 * the `hypercare_period` label. A request is refused whole (4xx naming the field) or counted
 * whole.
 */
@ApiTags('alerts')
@Controller()
export class AlertReceiverController {
  constructor(
    private readonly intake: AlertIntake,
    private readonly periods: MonitoredPeriods,
  ) {}

  @Post('periods/:periodId/alerts/alertmanager')
  @HttpCode(200)
  @Access('alert.send', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: `${sourceSummary.alertmanager}, for one period` })
  @ApiOutcomes(received, 400, 404, 409)
  alertmanager(
    @Param('periodId') periodId: string,
    @JsonBody(alertmanagerPayload, BODY_LIMITS.report) payload: z.infer<typeof alertmanagerPayload>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<Receipt> {
    return this.toPeriod(periodId, alertmanagerNotifications(payload, 'alertmanager'), actor, correlationId);
  }

  @Post('periods/:periodId/alerts/grafana')
  @HttpCode(200)
  @Access('alert.send', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: `${sourceSummary.grafana}, for one period` })
  @ApiOutcomes(received, 400, 404, 409)
  grafana(
    @Param('periodId') periodId: string,
    @JsonBody(grafanaPayload, BODY_LIMITS.report) payload: z.infer<typeof grafanaPayload>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<Receipt> {
    return this.toPeriod(periodId, alertmanagerNotifications(payload, 'grafana'), actor, correlationId);
  }

  @Post('periods/:periodId/alerts')
  @HttpCode(200)
  @Access('alert.send', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: `${sourceSummary.generic}, for one period` })
  @ApiOutcomes(received, 400, 404, 409)
  generic(
    @Param('periodId') periodId: string,
    @JsonBody(genericPayload, BODY_LIMITS.report) payload: z.infer<typeof genericPayload>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<Receipt> {
    return this.toPeriod(
      periodId,
      genericNotifications(payload, new Date().toISOString()),
      actor,
      correlationId,
    );
  }

  @Post('programmes/:programmeId/alerts/alertmanager')
  @HttpCode(200)
  @Access('alert.send', { kind: 'programme', param: 'programmeId' })
  @ApiOperation({ summary: `${sourceSummary.alertmanager}, each alert routed by its ${PERIOD_LABEL} label` })
  @ApiOutcomes(received, 400, 404)
  programmeAlertmanager(
    @Param('programmeId') programmeId: string,
    @JsonBody(alertmanagerPayload, BODY_LIMITS.report) payload: z.infer<typeof alertmanagerPayload>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<Receipt> {
    return this.toProgramme(
      programmeId,
      alertmanagerNotifications(payload, 'alertmanager'),
      actor,
      correlationId,
    );
  }

  @Post('programmes/:programmeId/alerts/grafana')
  @HttpCode(200)
  @Access('alert.send', { kind: 'programme', param: 'programmeId' })
  @ApiOperation({ summary: `${sourceSummary.grafana}, each alert routed by its ${PERIOD_LABEL} label` })
  @ApiOutcomes(received, 400, 404)
  programmeGrafana(
    @Param('programmeId') programmeId: string,
    @JsonBody(grafanaPayload, BODY_LIMITS.report) payload: z.infer<typeof grafanaPayload>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<Receipt> {
    return this.toProgramme(programmeId, alertmanagerNotifications(payload, 'grafana'), actor, correlationId);
  }

  @Post('programmes/:programmeId/alerts')
  @HttpCode(200)
  @Access('alert.send', { kind: 'programme', param: 'programmeId' })
  @ApiOperation({ summary: `${sourceSummary.generic}, each alert routed by its ${PERIOD_LABEL} label` })
  @ApiOutcomes(received, 400, 404)
  programmeGeneric(
    @Param('programmeId') programmeId: string,
    @JsonBody(genericPayload, BODY_LIMITS.report) payload: z.infer<typeof genericPayload>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId?: string,
  ): Promise<Receipt> {
    return this.toProgramme(
      programmeId,
      genericNotifications(payload, new Date().toISOString()),
      actor,
      correlationId,
    );
  }

  private async toPeriod(
    periodId: string,
    notifications: Notification[],
    actor: Actor,
    correlationId?: string,
  ) {
    await this.periods.takingAlerts(periodId);
    return this.intake.receive(
      notifications.map((notification) => ({ periodId, notification })),
      commandMetadata(correlationId, { actor }),
    );
  }

  private async toProgramme(
    programmeId: string,
    notifications: Notification[],
    actor: Actor,
    correlationId?: string,
  ) {
    const routed = notifications.map((notification, i) => ({
      field: `alerts[${i}].labels.${PERIOD_LABEL}`,
      periodId: notification.labels[PERIOD_LABEL] ?? '',
      notification,
    }));
    await this.periods.takingAlertsIn(programmeId, routed);
    return this.intake.receive(routed, commandMetadata(correlationId, { actor }));
  }
}
