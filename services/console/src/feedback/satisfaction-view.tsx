import { Loaded } from '../common/loaded';
import { usePeriodRead } from '../api/period-read';
import { Kpi } from '../dashboard/kpi-list';
import { href } from '../routing';

interface Satisfaction {
  issued: number;
  answered: number;
  responseRate: number | null;
  average: number | null;
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
  low: number;
}

interface FeedbackItem {
  feedbackId: string;
  kind: string;
  text: string;
  ticketIds: string[];
  author: { name: string };
  submittedAt: string;
  backlog: { title: string; at: string } | null;
}

const SCORES = ['5', '4', '3', '2', '1'] as const;

/** What users think: satisfaction after resolutions (CSAT) and the free feedback they sent. */
export const SatisfactionView = ({ periodId }: { periodId: string }) => {
  const satisfaction = usePeriodRead<Satisfaction>(periodId, 'feedback', `/periods/${periodId}/satisfaction`);
  const feedback = usePeriodRead<{ items: FeedbackItem[] }>(
    periodId,
    'feedback',
    `/periods/${periodId}/feedback`,
  );
  return (
    <section aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">Feedback</h2>
      <Loaded query={satisfaction} what="the satisfaction figures">
        {(figures) => (
          <>
            <dl className="kpis">
              <Kpi name="CSAT (1-5)" id="csat-average">
                {figures.average ?? '—'}
              </Kpi>
              <Kpi name="Surveys answered" id="csat-answered">
                {figures.answered} of {figures.issued}
              </Kpi>
              <Kpi name="Response rate" id="csat-response-rate">
                {figures.responseRate === null ? '—' : `${Math.round(figures.responseRate * 100)} %`}
              </Kpi>
              <Kpi name="Low scores (2 or less)" id="csat-low">
                {figures.low}
              </Kpi>
            </dl>
            <table className="grid">
              <caption>Answers by score</caption>
              <tbody>
                {SCORES.map((score) => (
                  <tr key={score}>
                    <th scope="row">{score}</th>
                    <td>
                      <meter
                        min={0}
                        max={Math.max(1, figures.answered)}
                        value={figures.distribution[score]}
                        aria-label={`Answers scoring ${score}`}
                      />{' '}
                      {figures.distribution[score]}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Loaded>
      <h3>What users wrote</h3>
      <Loaded query={feedback} what="the feedback">
        {({ items }) =>
          items.length === 0 ? (
            <p>No feedback yet.</p>
          ) : (
            <ul className="feedback">
              {items.map((item) => (
                <li key={item.feedbackId}>
                  <p>
                    <strong>{item.kind}</strong> from {item.author.name},{' '}
                    {new Date(item.submittedAt).toLocaleString()}
                    {item.backlog && <> — on the backlog as “{item.backlog.title}”</>}
                  </p>
                  <blockquote>{item.text}</blockquote>
                  {item.ticketIds.map((ticketId) => (
                    <a key={ticketId} href={href({ view: 'ticket', ticketId })}>
                      ticket {ticketId.slice(0, 8)}
                    </a>
                  ))}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
};
