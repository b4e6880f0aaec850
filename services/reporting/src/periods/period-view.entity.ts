import type { PeriodStatus } from '@hypercare/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per period: what the programme overview lists. */
@Entity({ schema: 'reporting', name: 'periods' })
export class PeriodView {
  @PrimaryColumn({ type: 'text', name: 'period_id' })
  periodId!: string;

  @Column({ type: 'text', name: 'programme_id' })
  programmeId!: string;

  @Column({ type: 'text', name: 'system_name' })
  systemName!: string;

  @Column({ type: 'text' })
  status!: PeriodStatus;

  @Column({ type: 'timestamptz', name: 'go_live_at' })
  goLiveAt!: Date;

  @Column({ type: 'timestamptz', name: 'planned_end_at' })
  plannedEndAt!: Date;

  @Column({ type: 'timestamptz', name: 'activated_at', nullable: true })
  activatedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'int', name: 'extension_count', default: 0 })
  extensionCount!: number;

  @Column({ type: 'jsonb' })
  configuration!: Record<string, unknown>;

  @Column({ type: 'int' })
  version!: number;

  /** What the close recorded: its summary, the tickets handed over, any override of the exit criteria. */
  @Column({ type: 'jsonb', nullable: true })
  closing!: {
    summary?: string;
    handedOver?: string[];
    exitOverride?: { reason: string; by: string; unmet: string[] };
  } | null;
}
