import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One knowledge article: its kind, where it stands, the tickets it answers, and its text (for the handoff). */
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

  @Column({ type: 'text' })
  title!: string;

  /** Markdown. */
  @Column({ type: 'text' })
  body!: string;
}
