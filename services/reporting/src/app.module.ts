import { type DynamicModule, Module } from '@nestjs/common';
import {
  exitContracts,
  handoffContracts,
  hypercareContracts,
  postmortemContracts,
  standupContracts,
} from '@hypercare/contracts';
import { type Infrastructure, RuntimeModule } from '@hypercare/runtime';
import { ServiceKitModule } from '@hypercare/service-kit';
import { AccessPlacesModule } from './access-places.module';
import type { ReportingConfig } from './config';
import { WebhooksModule } from './webhooks/webhooks.module';
import { ExitModule } from './exit/exit.module';
import { LiveModule } from './live/live.module';
import { PeriodsModule } from './periods/periods.module';
import { ProgrammesModule } from './programmes/programmes.module';
import { ProjectionsModule } from './projections/projections.module';
import { PostmortemsModule } from './postmortems/postmortems.module';
import { reportingReadModel } from './read-model';
import { TicketsModule } from './tickets/tickets.module';

/** Reporting: projections, dashboards, KPIs, exit criteria, post-mortems and the handoff package. */
@Module({})
export class AppModule {
  static register(config: ReportingConfig, infrastructure?: Infrastructure): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ serviceName: 'reporting', config }),
        RuntimeModule.forRoot({
          service: 'reporting',
          contracts: hypercareContracts(),
          publishes: [...exitContracts, ...handoffContracts, ...standupContracts, ...postmortemContracts],
          readModel: reportingReadModel,
          config,
          infrastructure,
        }),
        ProgrammesModule,
        PeriodsModule,
        TicketsModule,
        ProjectionsModule,
        LiveModule,
        ExitModule,
        WebhooksModule,
        PostmortemsModule,
        AccessPlacesModule,
      ],
    };
  }
}
