import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One satisfaction survey as the dashboard counts it: issued, and once answered its score. */
@Entity({ schema: 'reporting', name: 'survey_facts' })
export class SurveyFact {
  @PrimaryColumn({ type: 'text', name: 'survey_id' })
  surveyId!: string;

  @Column({ type: 'text', name: 'period_id' })
  periodId!: string;

  @Column({ type: 'text', name: 'ticket_id' })
  ticketId!: string;

  @Column({ type: 'timestamptz', name: 'issued_at' })
  issuedAt!: Date;

  @Column({ type: 'timestamptz', name: 'answered_at', nullable: true })
  answeredAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  score!: number | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;
}
