import { Global, Module } from '@nestjs/common';
import { rememberingProgrammes, RESOURCE_PLACES, type ResourcePlaces } from '@hypercare/auth';
import { MonitoredPeriods } from '../periods/monitored-periods';
import { AlertPolicies } from '../policy/alert-policies';
import { AlertPolicyController } from '../policy/alert-policy.controller';
import { GatewayBuckets } from '../signals/gateway-buckets';
import { GatewaySignalController } from '../signals/gateway-signal.controller';
import { GatewaySignals } from '../signals/gateway-signals';
import { SignalBuckets } from '../signals/signal-buckets';
import { SignalController } from '../signals/signal.controller';
import { Signals } from '../signals/signals';
import { AlertCounters } from './alert-counters';
import { AlertIntake } from './alert-intake';
import { AlertListController } from './alert-list.controller';
import { AlertReceiverController } from './alert-receiver.controller';

/** Alerts and gateway signals in, counted, raised, resolved and correlated to tickets, by each period's policy. */
@Global()
@Module({
  controllers: [
    AlertReceiverController,
    AlertListController,
    AlertPolicyController,
    GatewaySignalController,
    SignalController,
  ],
  providers: [
    MonitoredPeriods,
    AlertPolicies,
    AlertCounters,
    AlertIntake,
    GatewayBuckets,
    GatewaySignals,
    SignalBuckets,
    Signals,
    {
      provide: RESOURCE_PLACES,
      inject: [MonitoredPeriods],
      useFactory: (periods: MonitoredPeriods): ResourcePlaces => ({
        programmeOf: rememberingProgrammes((id) => periods.programmeOf(id)),
      }),
    },
  ],
  exports: [RESOURCE_PLACES],
})
export class AlertsModule {}
