import type { Infrastructure } from '@hypercare/runtime';
import { DataSource } from 'typeorm';
import { PeriodView } from '../periods/period-view.entity';
import { HistoryEntry } from '../history/history-entry.entity';
import { ProjectionCheckpoint } from '../projections/checkpoint.entity';
import { TicketView } from '../tickets/ticket-view.entity';
import { TimelineEntry } from '../tickets/timeline-entry.entity';
import { ReportingSchema1700000000001 } from './reporting-schema.migration';
import { sharedPoolDriver } from './shared-pool-driver';

const REPORTING_ENTITIES = [HistoryEntry, ProjectionCheckpoint, PeriodView, TicketView, TimelineEntry];

/** TypeORM on the service's own pool, its schema migrated on start-up. */
export const openReportingDataSource = async (infrastructure: Infrastructure): Promise<DataSource> => {
  const dataSource = new DataSource({
    type: 'postgres',
    driver: sharedPoolDriver(infrastructure.pool),
    entities: REPORTING_ENTITIES,
    migrations: [ReportingSchema1700000000001],
    migrationsTableName: 'reporting_migrations',
    migrationsTransactionMode: 'each',
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
};
