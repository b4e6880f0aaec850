import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One entry of a period's enhancement backlog: a deferred suggestion, or a ticket decided defer-to-backlog. */
@Entity({ schema: 'reporting', name: 'backlog_items' })
export class BacklogItem {
  /** `suggestion:<feedback id>` or `ticket:<ticket id>`. */
  @PrimaryColumn({ type: 'text', name: 'item_id' })
  itemId!: string;

  @Column({ type: 'text', name: 'period_id' })
  periodId!: string;

  @Column({ type: 'text' })
  source!: 'suggestion' | 'ticket';

  @Column({ type: 'text', name: 'source_id' })
  sourceId!: string;

  /** A suggestion's backlog title; for a ticket, the rationale of the decision (its title is the ticket's). */
  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', name: 'added_by' })
  addedBy!: string;

  @Column({ type: 'timestamptz', name: 'added_at' })
  addedAt!: Date;
}
