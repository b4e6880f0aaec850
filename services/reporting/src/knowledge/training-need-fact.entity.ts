import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One training need as the dashboard counts it. */
@Entity({ schema: 'reporting', name: 'training_needs' })
export class TrainingNeedFact {
  @PrimaryColumn({ type: 'text', name: 'need_id' })
  needId!: string;

  @Column({ type: 'text', name: 'period_id' })
  periodId!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'int' })
  questions!: number;

  @Column({ type: 'jsonb', name: 'top_terms' })
  topTerms!: string[];
}
