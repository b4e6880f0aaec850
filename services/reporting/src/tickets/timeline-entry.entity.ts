import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One line of a ticket's timeline: who did what when, and which fields it changed. */
@Entity({ schema: 'reporting', name: 'timeline' })
export class TimelineEntry {
  @PrimaryColumn({ type: 'text', name: 'ticket_id' })
  ticketId!: string;

  @PrimaryColumn({ type: 'uuid', name: 'event_id' })
  eventId!: string;

  /** The event's version in the ticket stream; -1 for the report that opened it. */
  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text' })
  by!: string;

  /** Who acted, verified; null for events recorded before sign-in. */
  @Column({ type: 'jsonb', nullable: true })
  actor!: { subject: string; name: string; kind: 'person' | 'machine' | 'system' } | null;

  @Column({ type: 'text' })
  summary!: string;

  /** `{ field: { from, to } }` for every field of the ticket the event changed. */
  @Column({ type: 'jsonb' })
  changes!: Record<string, { from: unknown; to: unknown }>;

  /** The event's own data, for post-mortems. */
  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;
}
