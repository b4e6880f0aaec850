import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every event reporting consumed, in the order it applied them. It is the inbox (an event id
 * is applied once), what `rebuild` replays, and what read-your-writes waits on.
 */
@Entity({ schema: 'reporting', name: 'history' })
@Index(['source', 'logPosition'])
@Index(['subject'])
export class HistoryEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'uuid', unique: true, name: 'event_id' })
  eventId!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text', name: 'period_id', nullable: true })
  periodId!: string | null;

  @Column({ type: 'timestamptz', name: 'occurred_at' })
  occurredAt!: Date;

  @Column({ type: 'int', name: 'stream_version', nullable: true })
  streamVersion!: number | null;

  @Column({ type: 'bigint', name: 'log_position', nullable: true })
  logPosition!: string | null;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;
}
