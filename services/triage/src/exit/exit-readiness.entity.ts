import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What reporting's exit evaluation last said of each period's criteria: what a close checks. */
@Entity({ schema: 'triage', name: 'exit_readiness' })
export class ExitReadinessView {
  @PrimaryColumn({ type: 'text', name: 'period_id' })
  periodId!: string;

  /** Each criterion's name, and whether it was last recorded met. */
  @Column({ type: 'jsonb' })
  criteria!: Record<string, boolean>;
}
