import type { EventContract } from '@hypercare/contracts';
import type { AsOf, ContractedEvent, ContractedEventStore, LogSearch } from '@hypercare/event-store';
import { replayPast, type PastReadModel, type PastReplay, type Projection } from '@hypercare/projections';
import type { Pool } from 'pg';

/** A cut of the received history: everything up to a position or a time, optionally one period's part of it. */
export interface HistoryCut {
  asOf: AsOf;
  /** Leaves out events of other periods; events of no period (programmes, say) stay. */
  periodId?: string;
}

/** Where a cut ends: the position of its last event, and the time it stands for. */
export interface HistoryMoment {
  position: number;
  time: Date;
}

const PAGE = 1_000;

/**
 * The read model's projections of received events, as they stood at any past moment: the
 * history up to the moment goes through the live projections' own code into temporary tables
 * (`replayPast`), and the live queries run on those. Positions and times are those of the
 * received log: a time cut holds what this service had received by then, which is what its
 * readers saw at that time.
 */
export class ReceivedHistory {
  constructor(
    private readonly log: ContractedEventStore,
    private readonly pool: Pool,
    private readonly projections: readonly Projection[],
    private readonly entities: ReadonlyArray<new () => object>,
    /** The received log searched as stored: by period, actor, stream, type, time, causation. */
    readonly search: LogSearch,
  ) {}

  /** The position of the received log's last event, 0 while it is empty. */
  head(): Promise<number> {
    return this.log.headPosition();
  }

  /** Runs `work` on the read model as it stood at the cut, and says which moment that was. */
  async replay<T>(
    cut: HistoryCut,
    work: (past: PastReadModel & { moment: HistoryMoment }) => Promise<T>,
  ): Promise<T> {
    const { events, moment } = await this.read(cut);
    return this.replayOf(async (past) => {
      await past.apply(events);
      return work({ ...past, moment });
    });
  }

  /** Runs `work` on empty copies of the read model, into which it replays events of its choosing. */
  replayOf<T>(work: (past: PastReplay) => Promise<T>): Promise<T> {
    return replayPast({ pool: this.pool, projections: this.projections, entities: this.entities }, work);
  }

  /**
   * The cut's events at their current versions, in log order. Read them before a replay takes
   * its connection: on the embedded database there is only one, and the log is read through the pool.
   */
  async read(cut: HistoryCut): Promise<{ events: ContractedEvent<EventContract>[]; moment: HistoryMoment }> {
    const types = [
      ...new Set(this.projections.flatMap(({ contracts }) => contracts.map(({ type }) => type))),
    ];
    const events: ContractedEvent<EventContract>[] = [];
    let last: { position: number; recordedAt: Date } | undefined;
    for (let from = 0; ;) {
      const page = await this.log.readAll({
        fromPosition: from,
        maxCount: PAGE,
        asOf: cut.asOf,
        filter: { types },
      });
      for (const event of page) {
        last = event;
        const periodId = event.metadata.periodId;
        if (cut.periodId === undefined || periodId === undefined || periodId === cut.periodId)
          events.push(event as ContractedEvent<EventContract>);
      }
      if (page.length < PAGE || !last) break;
      from = last.position + 1;
    }
    const moment =
      'time' in cut.asOf
        ? { position: last?.position ?? 0, time: cut.asOf.time }
        : { position: cut.asOf.position, time: last?.recordedAt ?? new Date(0) };
    return { events, moment };
  }
}
