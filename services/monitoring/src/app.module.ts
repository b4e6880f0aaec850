import { type DynamicModule, Module } from '@nestjs/common';
import {
  alertContracts,
  alertPolicyContracts,
  hypercareContracts,
  syntheticCheckContracts,
} from '@hypercare/contracts';
import { type Infrastructure, RuntimeModule } from '@hypercare/runtime';
import { ServiceKitModule } from '@hypercare/service-kit';
import { AlertsModule } from './alerts/alerts.module';
import type { MonitoringConfig } from './config';
import { GatewayBuckets1765000005000 } from './database/gateway-buckets.migration';
import { MonitoringSchema1765000003000 } from './database/monitoring-schema.migration';
import { ChecksModule } from './checks/checks.module';
import { syntheticChecksProjection } from './checks/synthetic-checks.projection';
import { SignalBuckets1765000006000 } from './database/signal-buckets.migration';
import { SyntheticChecks1765000007000 } from './database/synthetic-checks.migration';
import { SignalsModule } from './signals/signals.module';
import { monitoredPeriodsProjection } from './periods/monitored-periods.projection';
import { ticketStatusProjection } from './tickets/ticket-status.projection';

/** Monitoring: alert ingestion, dedup by fingerprint, thresholds and alert-to-ticket correlation. */
@Module({})
export class AppModule {
  static register(config: MonitoringConfig, infrastructure?: Infrastructure): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ serviceName: 'monitoring', config }),
        RuntimeModule.forRoot({
          service: 'monitoring',
          contracts: hypercareContracts(),
          publishes: [...alertContracts, ...alertPolicyContracts, ...syntheticCheckContracts],
          readModel: {
            migrations: [
              MonitoringSchema1765000003000,
              GatewayBuckets1765000005000,
              SignalBuckets1765000006000,
              SyntheticChecks1765000007000,
            ],
            own: [syntheticChecksProjection],
            received: [monitoredPeriodsProjection, ticketStatusProjection],
          },
          config,
          infrastructure,
        }),
        AlertsModule,
        SignalsModule,
        ChecksModule,
      ],
    };
  }
}
