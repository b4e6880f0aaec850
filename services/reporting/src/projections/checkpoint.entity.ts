import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How far in the history each projection has applied: its checkpoint. */
@Entity({ schema: 'reporting', name: 'projection_checkpoints' })
export class ProjectionCheckpoint {
  @PrimaryColumn({ type: 'text' })
  projection!: string;

  @Column({ type: 'bigint', name: 'last_seq' })
  lastSeq!: string;

  @Column({ type: 'timestamptz', name: 'rebuilt_at', nullable: true })
  rebuiltAt!: Date | null;
}
