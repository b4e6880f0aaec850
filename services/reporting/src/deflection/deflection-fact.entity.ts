import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A report that was shown knowledge articles first: withdrawn (deflected) or submitted anyway. */
@Entity({ schema: 'reporting', name: 'deflection_facts' })
export class DeflectionFact {
  @PrimaryColumn({ type: 'text', name: 'report_id' })
  reportId!: string;

  @Column({ type: 'text', name: 'period_id' })
  periodId!: string;

  @Column({ type: 'text' })
  outcome!: 'deflected' | 'submitted';

  @Column({ type: 'jsonb', name: 'article_ids' })
  articleIds!: string[];

  @Column({ type: 'timestamptz' })
  at!: Date;
}
