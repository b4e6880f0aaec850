import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One alert event, as the dashboard counts them: a fact table, one row per event. */
@Entity({ schema: 'reporting', name: 'alert_facts' })
export class AlertFact {
  @PrimaryColumn({ type: 'text', name: 'event_id' })
  eventId!: string;

  @Column({ type: 'text', name: 'alert_id' })
  alertId!: string;

  @Column({ type: 'text', name: 'period_id' })
  periodId!: string;

  /** `raised`, `resolved`, `ticket-requested`, `linked` or `flapping`. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text', nullable: true })
  source!: string | null;

  @Column({ type: 'text', nullable: true })
  severity!: string | null;

  @Column({ type: 'text', name: 'ticket_id', nullable: true })
  ticketId!: string | null;

  /** For a ticket request: when its firing was raised. */
  @Column({ type: 'timestamptz', name: 'raised_at', nullable: true })
  raisedAt!: Date | null;

  /** For a resolution: how many times the firing was sent. */
  @Column({ type: 'int', nullable: true })
  notifications!: number | null;
}
