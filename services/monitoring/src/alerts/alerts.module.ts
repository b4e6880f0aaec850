import { Global, Module } from '@nestjs/common';
import { rememberingProgrammes, RESOURCE_PLACES, type ResourcePlaces } from '@hypercare/auth';
import { MonitoredPeriods } from '../periods/monitored-periods';
import { AlertPolicies } from '../policy/alert-policies';
import { AlertPolicyController } from '../policy/alert-policy.controller';
import { AlertCounters } from './alert-counters';
import { AlertIntake } from './alert-intake';
import { AlertListController } from './alert-list.controller';
import { AlertReceiverController } from './alert-receiver.controller';
import { OpenTicketLookup } from './open-tickets';

/** Alerts in, counted, raised, resolved and correlated to tickets, by each period's policy: the pipeline signals and checks feed. */
@Global()
@Module({
  controllers: [AlertReceiverController, AlertListController, AlertPolicyController],
  providers: [
    MonitoredPeriods,
    AlertPolicies,
    AlertCounters,
    OpenTicketLookup,
    AlertIntake,
    {
      provide: RESOURCE_PLACES,
      inject: [MonitoredPeriods],
      useFactory: (periods: MonitoredPeriods): ResourcePlaces => ({
        programmeOf: rememberingProgrammes((id) => periods.programmeOf(id)),
      }),
    },
  ],
  exports: [RESOURCE_PLACES, MonitoredPeriods, AlertPolicies, AlertCounters, AlertIntake],
})
export class AlertsModule {}
