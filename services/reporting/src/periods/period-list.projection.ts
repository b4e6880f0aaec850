import { Injectable } from '@nestjs/common';
import { periodStatusAfter } from '@hypercare/contracts';
import type { EntityManager } from 'typeorm';
import type { HistoryEntry } from '../history/history-entry.entity';
import type { Projection } from '../projections/projection';
import { PeriodView } from './period-view.entity';

/** Every period with its status, dates and definition: the programme overview. */
@Injectable()
export class PeriodListProjection implements Projection {
  readonly name = 'period-list';
  readonly tables = ['reporting.periods'];

  handles(type: string): boolean {
    return type.startsWith('hypercare.period.');
  }

  async apply(manager: EntityManager, entry: HistoryEntry): Promise<void> {
    const { periodId, ...data } = entry.data as { periodId: string } & Record<string, unknown>;
    const existing = await manager.findOneBy(PeriodView, { periodId });
    const version = entry.streamVersion ?? (existing ? existing.version + 1 : 0);
    if (entry.type === 'hypercare.period.planned.v1' || entry.type === 'hypercare.period.reconfigured.v1') {
      await manager.save(PeriodView, {
        periodId,
        programme: String(data['programme']),
        systemName: String(data['systemName']),
        status: periodStatusAfter(entry.type, existing?.status ?? 'planned'),
        goLiveAt: new Date(String(data['goLiveAt'])),
        plannedEndAt: new Date(String(data['plannedEndAt'])),
        activatedAt: existing?.activatedAt ?? null,
        closedAt: existing?.closedAt ?? null,
        extensionCount: existing?.extensionCount ?? 0,
        configuration: data,
        version,
      });
      return;
    }
    if (!existing) return;
    const changes: Partial<PeriodView> = { version, status: periodStatusAfter(entry.type, existing.status) };
    if (entry.type === 'hypercare.period.activated.v1') changes.activatedAt = new Date(String(data['activatedAt']));
    if (entry.type === 'hypercare.period.closed.v1') changes.closedAt = new Date(String(data['closedAt']));
    if (entry.type === 'hypercare.period.extended.v1') {
      changes.plannedEndAt = new Date(String(data['plannedEndAt']));
      changes.extensionCount = existing.extensionCount + 1;
      changes.configuration = { ...existing.configuration, plannedEndAt: data['plannedEndAt'] };
    }
    await manager.save(PeriodView, { ...existing, ...changes });
  }
}
