import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One knowledge article as the dashboard counts it: its kind, where it stands, the tickets it answers. */
@Entity({ schema: 'reporting', name: 'knowledge_articles' })
export class KnowledgeArticleFact {
  @PrimaryColumn({ type: 'text', name: 'article_id' })
  articleId!: string;

  @Column({ type: 'text', name: 'period_id' })
  periodId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'jsonb', name: 'ticket_ids' })
  ticketIds!: string[];
}
