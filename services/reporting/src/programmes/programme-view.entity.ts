import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per programme: the tenants the overview groups periods by. */
@Entity({ schema: 'reporting', name: 'programmes' })
export class ProgrammeView {
  @PrimaryColumn({ type: 'text', name: 'programme_id' })
  programmeId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'boolean', default: false })
  legacy!: boolean;

  @Column({ type: 'int' })
  version!: number;
}
