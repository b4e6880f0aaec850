import type { GeneratedSection, HistoryEvent } from './generated-line';
import { timeOf } from './generated-line';
import { generatedSections } from './postmortem-sections';
import type {
  AuthoredSections,
  PostmortemScope,
  PostmortemState,
  PostmortemStatus,
} from './postmortem.decider';

/** A post-mortem as its readers get it: what the analyst wrote, and what the history says. */
export interface PostmortemDocument extends Omit<AuthoredSections, 'namesShown'> {
  postmortemId: string;
  periodId: string;
  systemName: string;
  status: PostmortemStatus;
  scope: PostmortemScope;
  namesShown: boolean;
  /** The history its generated sections come from: up to this position of reporting's history. */
  reflects: { position: number };
  publishedAt: string | null;
  /** Once published: SHA-256 of its Markdown, as recorded, for anyone to check a copy against. */
  digest: string | null;
  updatedAt: string;
  generated: GeneratedSection[];
  /** Every event a line cites, once, in the order first cited. */
  sources: Array<{ id: string; type: string; at: string; position: number }>;
}

export interface DocumentInput {
  state: Exclude<PostmortemState, { status: 'none' }>;
  period: { systemName: string; roster: ReadonlyArray<{ role: string; name: string; email: string }> };
  events: readonly HistoryEvent[];
  position: number;
}

/** The document for a post-mortem's state and the history up to `position`: the same inputs, the same document. */
export const postmortemDocument = ({
  state,
  period,
  events,
  position,
}: DocumentInput): PostmortemDocument => {
  const { namesShown, ...authored } = state.sections;
  const generated = generatedSections({ events, scope: state.scope, roster: period.roster, namesShown });
  const byId = new Map(events.map((event) => [event.id, event]));
  const cited = [...new Set(generated.flatMap(({ lines }) => lines.flatMap(({ cites }) => cites)))];
  return {
    ...authored,
    postmortemId: state.postmortemId,
    periodId: state.periodId,
    systemName: period.systemName,
    status: state.status,
    scope: state.scope,
    namesShown,
    reflects: { position },
    publishedAt: state.published?.at ?? null,
    digest: state.published?.digest ?? null,
    updatedAt: state.updatedAt,
    generated,
    sources: cited.flatMap((id) => {
      const event = byId.get(id);
      return event ? [{ id, type: event.type, at: timeOf(event), position: event.position }] : [];
    }),
  };
};
