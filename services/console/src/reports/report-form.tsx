import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useCredentials, useSession } from '../auth/session';
import { href } from '../routing';
import { useSuggestions } from './use-suggestions';

interface Draft {
  name: string;
  email: string;
  title: string;
  description: string;
  steps: string;
  affectedUsers: string;
}

const EMPTY: Draft = { name: '', email: '', title: '', description: '', steps: '', affectedUsers: '1' };
/** A key for one submission attempt (`crypto.randomUUID` exists only on https or localhost; this works on plain http too). */
const attemptKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join(
    '',
  );
const plain = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';

/** A reporter's form: what went wrong, checked by intake (its messages shown by each field), once per submission. */
export const ReportForm = ({ periodId }: { periodId: string }) => {
  const credentials = useCredentials();
  const { signedIn } = useSession();
  // A person signed in reports as themselves: their name and email are filled in.
  const own: Draft = { ...EMPTY, ...(signedIn?.email ? { name: signedIn.who, email: signedIn.email } : {}) };
  const [draft, setDraft] = useState(own);
  const [attempt, setAttempt] = useState(() => attemptKey());
  const suggestions = useSuggestions(periodId, draft.title, draft.description);
  const submit = useMutation({
    mutationFn: () =>
      call<{ reportId: string }>(credentials, 'intake', `/periods/${periodId}/reports`, {
        method: 'POST',
        headers: { 'idempotency-key': attempt },
        body: {
          reporter: { name: draft.name, email: draft.email },
          title: draft.title,
          description: draft.description,
          stepsToReproduce: draft.steps
            .split('\n')
            .map((step) => step.trim())
            .filter(Boolean),
          affectedUsers: Number(draft.affectedUsers),
          channel: 'web',
          ...(suggestions.length ? { shownArticleIds: suggestions.map(({ articleId }) => articleId) } : {}),
        },
      }),
    onSuccess: () => {
      setDraft(own);
      setAttempt(attemptKey());
    },
  });
  const problem = submit.error instanceof ApiProblem ? submit.error : undefined;
  const field = (
    key: keyof Draft,
    name: string,
    api: string,
    kind: 'input' | 'textarea' | 'email' | 'number' = 'input',
  ) => {
    const message = problem?.fieldMessage(api);
    const props = {
      id: `report-${key}`,
      value: draft[key],
      'aria-invalid': message ? true : undefined,
      'aria-describedby': message ? `report-${key}-error` : undefined,
      onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value }),
    };
    return (
      <div className="field">
        <label htmlFor={props.id}>{name}</label>
        {kind === 'textarea' ? (
          <textarea {...props} />
        ) : (
          <input {...props} type={kind === 'input' ? 'text' : kind} />
        )}
        {message && (
          <p id={`report-${key}-error`} className="error">
            {message}
          </p>
        )}
      </div>
    );
  };

  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">Report a problem</h2>
      <form
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          submit.mutate();
        }}
        noValidate
      >
        {field('name', 'Your name', 'reporter.name')}
        {field('email', 'Your email', 'reporter.email', 'email')}
        {field('title', 'What went wrong (title)', 'title')}
        {suggestions.length > 0 && (
          <aside aria-labelledby="suggestions-heading" className="suggestions">
            <h3 id="suggestions-heading">These articles may already answer it</h3>
            <ul>
              {suggestions.map((article) => (
                <li key={article.articleId}>
                  <strong>{article.title}</strong> — {plain(article.excerpt)}
                </li>
              ))}
            </ul>
          </aside>
        )}
        {field('description', 'Description', 'description', 'textarea')}
        {field('steps', 'Steps to reproduce (one per line)', 'stepsToReproduce', 'textarea')}
        {field('affectedUsers', 'Users affected', 'affectedUsers', 'number')}
        <button type="submit" disabled={submit.isPending}>
          Submit the report
        </button>
        {submit.error && (
          <p role="alert" className="error">
            {submit.error.message}
          </p>
        )}
        {submit.data && (
          <p role="status">
            Report received.{' '}
            <a href={href({ view: 'ticket', ticketId: submit.data.reportId })}>Follow its ticket</a>
          </p>
        )}
      </form>
    </section>
  );
};
