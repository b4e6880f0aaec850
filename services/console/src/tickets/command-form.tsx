import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call } from '../api/client';
import { commandFields, useOpenApi } from '../api/openapi';
import { ApiProblem } from '../api/problem';
import { useCredentials } from '../auth/session';

const label = (name: string) => name.replace(/([A-Z])/g, ' $1').replace(/^./, (first) => first.toUpperCase());

/** One ticket command as a form (a button alone when it takes nothing): the same call as the API's. */
export const CommandForm = ({ ticketId, command }: { ticketId: string; command: string }) => {
  const credentials = useCredentials();
  const queries = useQueryClient();
  const openApi = useOpenApi();
  const [values, setValues] = useState<Record<string, string>>({});
  const run = useMutation({
    mutationFn: (body: Record<string, string>) =>
      call(credentials, 'triage', `/tickets/${ticketId}/${command}`, { method: 'POST', body }),
    onSuccess: () => {
      setValues({});
      void queries.invalidateQueries({ queryKey: ['ticket', ticketId] });
    },
  });
  if (!openApi.data) return null;
  const fields = commandFields(openApi.data, `/triage/tickets/{ticketId}/${command}`);
  const problem = run.error instanceof ApiProblem ? run.error : undefined;
  const id = (field: string) => `${command}-${field}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
    run.mutate(body);
  };

  return (
    <form className="command" onSubmit={submit} aria-label={label(command)}>
      {fields.map((field) => (
        <div key={field.name} className="field">
          <label htmlFor={id(field.name)}>
            {label(field.name)}
            {field.required ? '' : ' (optional)'}
          </label>
          {field.options ? (
            <select
              id={id(field.name)}
              required={field.required}
              value={values[field.name] ?? ''}
              onChange={(event) => setValues({ ...values, [field.name]: event.target.value })}
            >
              <option value="">Choose…</option>
              {field.options.map((option) => (
                <option key={option}>{option}</option>
              ))}
            </select>
          ) : field.long ? (
            <textarea
              id={id(field.name)}
              required={field.required}
              value={values[field.name] ?? ''}
              onChange={(event) => setValues({ ...values, [field.name]: event.target.value })}
            />
          ) : (
            <input
              id={id(field.name)}
              required={field.required}
              value={values[field.name] ?? ''}
              onChange={(event) => setValues({ ...values, [field.name]: event.target.value })}
            />
          )}
          {problem?.fieldMessage(field.name) && <p className="error">{problem.fieldMessage(field.name)}</p>}
        </div>
      ))}
      <button type="submit" disabled={run.isPending}>
        {label(command)}
      </button>
      {run.error && (
        <p role="alert" className="error">
          {run.error.message}
        </p>
      )}
    </form>
  );
};
