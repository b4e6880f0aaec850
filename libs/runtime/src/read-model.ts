import { metrics } from '@opentelemetry/api';
import { NotFound } from '@hypercare/domain-kit';
import type { EventContract } from '@hypercare/contracts';
import { pgClient, type ContractedEventStore } from '@hypercare/event-store';
import type { ContractedIntegrationEvent, MessagingLog } from '@hypercare/messaging';
import {
  openReadDatabase,
  ProjectionRunner,
  type Projection,
  type ProjectionStatus,
  type RebuildReport,
} from '@hypercare/projections';
import type { DataSource, MigrationInterface } from 'typeorm';
import type { Infrastructure } from './infrastructure';
import {
  ReceivedEvents,
  receivedPositionIndexMigration,
  receivedPositionsMigration,
} from './received-events';
import { ReceivedHistory } from './received-history';
import { ReadModelChanges } from './read-model-changes';
import type { ServiceRuntime } from './service-runtime';

export interface ReadModelOptions {
  /** The migrations of the service's tables (schema `<service>`), oldest first. */
  migrations: ReadonlyArray<new () => MigrationInterface>;
  /** TypeORM entities its queries use. */
  entities?: ReadonlyArray<new () => object>;
  /** Projections of the service's own events, following its store. */
  own?: readonly Projection[];
  /** Projections of other services' events, following what the service received of them. */
  received?: readonly Projection[];
}

const running = new Map<ReadModel, string>();
metrics
  .getMeter('hypercare-runtime')
  .createObservableGauge('hypercare_projection_lag_events', {
    description: "Events of a projection's log it has not applied yet",
  })
  .addCallback(async (result) => {
    for (const [model, service] of running)
      for (const { name, lag } of await model.status().catch(() => []))
        result.observe(lag, { service, projection: name });
  });

/**
 * A service's read side: its tables (made by its migrations, one instance at a time), its
 * projections, each following a log from a checkpoint of its own on connections of their own,
 * and, when it projects other services' events, the log it keeps of them as they arrive.
 */
export class ReadModel {
  private constructor(
    readonly dataSource: DataSource,
    private readonly runners: readonly ProjectionRunner[],
    private readonly received: ReceivedEvents | undefined,
    private readonly receivedHistory: ReceivedHistory | undefined,
    private readonly service: string,
    /** Every page its projections of received events commit, as it happens. */
    readonly changes: ReadModelChanges,
  ) {}

  static async open(
    infrastructure: Infrastructure,
    runtime: ServiceRuntime,
    options: ReadModelOptions,
    log: MessagingLog,
  ): Promise<ReadModel> {
    const { service } = runtime;
    const receiving = options.received ?? [];
    // The received log first: a migration of the read database indexes it.
    const received = receiving.length
      ? await ReceivedEvents.open(infrastructure, service, runtime.contracts, log)
      : undefined;
    const dataSource = await openReadDatabase(infrastructure.pool, {
      schema: service,
      entities: options.entities,
      migrations: [
        ...(receiving.length
          ? [receivedPositionsMigration(service), receivedPositionIndexMigration(service)]
          : []),
        ...options.migrations,
      ],
      exclusive: (work) => infrastructure.exclusive(`${service}.migrations`, work),
    }).catch(async (error: unknown) => {
      await received?.close();
      throw error;
    });
    const sql = pgClient(infrastructure.projectionPool);
    const logger = { info: log.info, error: log.error };
    const runners: ProjectionRunner[] = [];
    if (options.own?.length)
      runners.push(
        new ProjectionRunner({ log: runtime.store, sql, schema: service, projections: options.own, logger }),
      );
    const changes = new ReadModelChanges();
    if (received) {
      runtime.consume(
        received.consumer(service, [...new Set(receiving.flatMap(({ contracts }) => contracts))]),
      );
      runners.push(
        new ProjectionRunner({
          log: received.log,
          sql,
          schema: service,
          projections: receiving,
          logger,
          onApplied: (projection, events) => changes.applied(projection, events),
        }),
      );
    }
    const history =
      received &&
      new ReceivedHistory(
        received.log,
        infrastructure.pool,
        receiving,
        options.entities ?? [],
        received.search,
      );
    return new ReadModel(dataSource, runners, received, history, service, changes);
  }

  /** What the service received of other services' events, read at current versions. */
  get receivedLog(): ContractedEventStore {
    if (!this.received) throw new Error('this read model projects no received events');
    return this.received.log;
  }

  /** Its projections of received events as they stood at any past moment. */
  get history(): ReceivedHistory {
    if (!this.receivedHistory) throw new Error('this read model projects no received events');
    return this.receivedHistory;
  }

  /** Keeps events received some other way (an import of an older store) as the consumer would. */
  keep(events: readonly ContractedIntegrationEvent<EventContract>[]): Promise<void> {
    if (!this.received) throw new Error('this read model projects no received events');
    return this.received.keep(events);
  }

  async start(): Promise<void> {
    for (const runner of this.runners) await runner.start();
    running.set(this, this.service);
  }

  async stop(): Promise<void> {
    running.delete(this);
    await Promise.all(this.runners.map((runner) => runner.stop()));
    await this.received?.close();
    await this.dataSource.destroy();
  }

  /** Resolves once every projection applied what its log held when it was called. */
  async caughtUp(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.caughtUp()));
  }

  async status(): Promise<ProjectionStatus[]> {
    return (await Promise.all(this.runners.map((runner) => runner.status())))
      .flat()
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** How far into the log of received events its projections have come (the furthest of them). */
  async receivedPosition(): Promise<number> {
    const received = this.runners.find((runner) => runner.log === this.received?.log);
    return Math.max(0, ...((await received?.status()) ?? []).map(({ position }) => position));
  }

  /** Rebuilds the named projection (every one, absent a name) from its log. */
  async rebuild(name?: string): Promise<RebuildReport> {
    const runners = this.runners.filter(
      (runner) => name === undefined || runner.projections.some((projection) => projection.name === name),
    );
    if (runners.length === 0) throw new NotFound('projection', name ?? '(any)');
    const reports = await Promise.all(runners.map((runner) => runner.rebuild(name)));
    return {
      projections: reports.flatMap((report) => report.projections),
      events: reports.reduce((sum, report) => sum + report.events, 0),
      durationMs: Math.max(...reports.map((report) => report.durationMs)),
    };
  }

  /**
   * Whether a projection of received events reflects the publisher's event at `logPosition`
   * (a caller waiting to read its own write): the event arrived and the projection is past it.
   */
  async reflects(projection: string, source: string, logPosition: number): Promise<boolean> {
    const runner = this.runners.find((candidate) =>
      candidate.projections.some(({ name }) => name === projection),
    );
    if (!runner) throw new NotFound('projection', projection);
    const position = await this.received?.positionOf(source, logPosition);
    return position !== undefined && (await runner.positionOf(projection)) >= position;
  }
}
