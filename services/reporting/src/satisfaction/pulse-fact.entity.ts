import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One pulse survey as the dashboard counts it: invitations, answers, and its NPS and scale tallies. */
@Entity({ schema: 'reporting', name: 'pulse_facts' })
export class PulseFact {
  @PrimaryColumn({ type: 'text', name: 'pulse_id' })
  pulseId!: string;

  @Column({ type: 'text', name: 'period_id' })
  periodId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'boolean' })
  anonymous!: boolean;

  @Column({ type: 'timestamptz', name: 'scheduled_at' })
  scheduledAt!: Date;

  @Column({ type: 'text' })
  status!: string;

  /** The question ids by type: which answers are NPS scores and which 1-5 scales. */
  @Column({ type: 'jsonb', name: 'question_types' })
  questionTypes!: Record<string, string>;

  @Column({ type: 'int' })
  rounds!: number;

  @Column({ type: 'int' })
  invited!: number;

  @Column({ type: 'int' })
  answered!: number;

  @Column({ type: 'int' })
  promoters!: number;

  @Column({ type: 'int' })
  passives!: number;

  @Column({ type: 'int' })
  detractors!: number;

  @Column({ type: 'int', name: 'scale_sum' })
  scaleSum!: number;

  @Column({ type: 'int', name: 'scale_count' })
  scaleCount!: number;
}
