import type { SlaOutcome, TicketStatus } from '@hypercare/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per ticket: what the board, the filters and the dashboard read. */
@Entity({ schema: 'reporting', name: 'tickets' })
@Index(['periodId', 'reportedAt'])
@Index(['periodId', 'status'])
export class TicketView {
  @PrimaryColumn({ type: 'text', name: 'ticket_id' })
  ticketId!: string;

  @Column({ type: 'text', name: 'period_id' })
  periodId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', name: 'reporter_name' })
  reporterName!: string;

  @Column({ type: 'text', name: 'reporter_email' })
  reporterEmail!: string;

  @Column({ type: 'int', name: 'affected_users' })
  affectedUsers!: number;

  @Column({ type: 'text' })
  status!: TicketStatus;

  @Column({ type: 'text', nullable: true })
  category!: string | null;

  @Column({ type: 'text', nullable: true })
  impact!: string | null;

  @Column({ type: 'text', nullable: true })
  urgency!: string | null;

  /** P1..P4; sorts in urgency order as text. */
  @Column({ type: 'text', nullable: true })
  priority!: string | null;

  @Column({ type: 'text', name: 'assignee_role', nullable: true })
  assigneeRole!: string | null;

  @Column({ type: 'text', name: 'assignee_name', nullable: true })
  assigneeName!: string | null;

  @Column({ type: 'text', name: 'assignee_email', nullable: true })
  assigneeEmail!: string | null;

  @Column({ type: 'text', nullable: true })
  decision!: string | null;

  @Column({ type: 'timestamptz', name: 'reported_at' })
  reportedAt!: Date;

  @Column({ type: 'timestamptz', name: 'acknowledge_due_at', nullable: true })
  acknowledgeDueAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'resolve_due_at', nullable: true })
  resolveDueAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'first_acknowledged_at', nullable: true })
  firstAcknowledgedAt!: Date | null;

  /** The latest resolution; cleared when the ticket is reopened. */
  @Column({ type: 'timestamptz', name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'int', name: 'reopen_count', default: 0 })
  reopenCount!: number;

  @Column({ type: 'text', name: 'acknowledge_sla', default: 'pending' })
  acknowledgeSla!: SlaOutcome;

  @Column({ type: 'text', name: 'resolve_sla', default: 'pending' })
  resolveSla!: SlaOutcome;

  @Column({ type: 'int', name: 'escalation_level', default: 0 })
  escalationLevel!: number;

  @Column({ type: 'text', name: 'escalated_to', nullable: true })
  escalatedTo!: string | null;

  /** The ticket stream's version this row reflects: what `minVersion` waits for. */
  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
