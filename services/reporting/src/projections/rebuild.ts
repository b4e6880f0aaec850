import { Injectable, Logger } from '@nestjs/common';
import { DataSource, MoreThan } from 'typeorm';
import { NotFound } from '@hypercare/domain-kit';
import { HistoryEntry } from '../history/history-entry.entity';
import { PROJECTION_LOCK, Projector } from './projector';

const PAGE = 2_000;
const PROGRESS_EVERY = 10_000;

export interface RebuildReport {
  projections: string[];
  events: number;
  durationMs: number;
}

/**
 * Drops projections and replays the whole history into them, in one transaction: readers
 * see the old rows until the new ones commit, and live events wait (the projection lock)
 * so nothing is applied twice or skipped. Logs progress as it goes.
 */
@Injectable()
export class Rebuild {
  private readonly logger = new Logger(Rebuild.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly projector: Projector,
  ) {}

  async run(name?: string): Promise<RebuildReport> {
    const projections = this.projector.projections.filter((projection) => name === undefined || projection.name === name);
    if (projections.length === 0) throw new NotFound('projection', name ?? '(any)');
    const started = Date.now();
    const events = await this.dataSource.transaction(async (manager) => {
      await manager.query('select pg_advisory_xact_lock(hashtext($1))', [PROJECTION_LOCK]);
      for (const table of projections.flatMap((projection) => projection.tables)) await manager.query(`truncate ${table}`);
      const total = await manager.count(HistoryEntry);
      let last = '0';
      let applied = 0;
      for (;;) {
        const page = await manager.find(HistoryEntry, { where: { seq: MoreThan(last) }, order: { seq: 'ASC' }, take: PAGE });
        if (page.length === 0) break;
        for (const entry of page) {
          await this.projector.applyAll(manager, entry, projections);
          if (++applied % PROGRESS_EVERY === 0) this.logger.log(`rebuilding ${projections.map((p) => p.name).join(', ')}: ${applied}/${total} events`);
        }
        last = (page[page.length - 1] as HistoryEntry).seq;
      }
      await this.projector.checkpoint(manager, projections, last, true);
      return applied;
    });
    const report = { projections: projections.map((projection) => projection.name), events, durationMs: Date.now() - started };
    this.logger.log(`rebuilt ${report.projections.join(', ')} from ${events} events in ${report.durationMs} ms`);
    return report;
  }
}
