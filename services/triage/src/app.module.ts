import { type DynamicModule, Module } from '@nestjs/common';
import { ApiKeysController } from '@hypercare/auth';
import {
  hypercareContracts,
  periodContracts,
  programmeContracts,
  ticketContracts,
} from '@hypercare/contracts';
import { type Infrastructure, RuntimeModule } from '@hypercare/runtime';
import { ServiceKitModule } from '@hypercare/service-kit';
import type { TriageConfig } from './config';
import { CompletedSteps1765000008000 } from './database/completed-steps.migration';
import { ExitReadiness1765000020000 } from './database/exit-readiness.migration';
import { ExitReadinessView } from './exit/exit-readiness.entity';
import { exitReadinessProjection } from './exit/exit-readiness.projection';
import { TriageSchema1764400001000 } from './database/triage-schema.migration';
import { AccessPlacesModule } from './access-places.module';
import { PeriodsModule } from './periods/periods.module';
import { ProgrammesModule } from './programmes/programmes.module';
import { SlaModule } from './sla/sla.module';
import { ticketClocksProjection } from './sla/ticket-clocks.projection';
import { TicketsModule } from './tickets/tickets.module';

/** Triage: programmes, periods, ticket triage, SLA clocks, escalations and the status workflow. */
@Module({})
export class AppModule {
  static register(config: TriageConfig, infrastructure?: Infrastructure): DynamicModule {
    return {
      module: AppModule,
      controllers: [ApiKeysController],
      imports: [
        ServiceKitModule.forRoot({ serviceName: 'triage', config }),
        RuntimeModule.forRoot({
          service: 'triage',
          contracts: hypercareContracts(),
          publishes: [...programmeContracts, ...periodContracts, ...ticketContracts],
          readModel: {
            migrations: [TriageSchema1764400001000, CompletedSteps1765000008000, ExitReadiness1765000020000],
            entities: [ExitReadinessView],
            own: [ticketClocksProjection],
            received: [exitReadinessProjection],
          },
          config,
          infrastructure,
        }),
        ProgrammesModule,
        PeriodsModule,
        TicketsModule,
        AccessPlacesModule,
        SlaModule,
      ],
    };
  }
}
