import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call } from '../api/client';
import { useOpenApi } from '../api/openapi';
import { ApiProblem } from '../api/problem';
import { useProgrammes } from '../api/queries';
import { useCredentials } from '../auth/session';
import { navigate } from '../routing';

interface Member {
  role: string;
  name: string;
  email: string;
}

const PLAN_PATH = '/triage/programmes/{programmeId}/periods';
const NEW_PROGRAMME = 'new';

/** The roster's roles as the period definition declares them (the contracts' own list). */
const useRoles = (): string[] => {
  const openApi = useOpenApi();
  const body = openApi.data?.paths[PLAN_PATH]?.['post']?.requestBody?.content?.['application/json']
    ?.schema as
    { properties?: { roster?: { items?: { properties?: { role?: { enum?: string[] } } } } } } | undefined;
  return body?.properties?.roster?.items?.properties?.role?.enum ?? [];
};

/** Plans a period of a programme (made here too, for a platform admin): its system, go-live and roster; the policies start as the defaults. */
export const PlanPeriod = () => {
  const credentials = useCredentials();
  const queries = useQueryClient();
  const programmes = useProgrammes();
  const roles = useRoles();
  const [programmeId, setProgrammeId] = useState('');
  const [programmeName, setProgrammeName] = useState('');
  const [systemName, setSystemName] = useState('');
  const [goLiveAt, setGoLiveAt] = useState('');
  const [roster, setRoster] = useState<Member[]>([{ role: 'technical-lead', name: '', email: '' }]);
  const plan = useMutation({
    mutationFn: async () => {
      const chosen =
        programmeId && programmeId !== NEW_PROGRAMME
          ? programmeId
          : (
              await call<{ programmeId: string }>(credentials, 'triage', '/programmes', {
                method: 'POST',
                body: { name: programmeName },
              })
            ).programmeId;
      return call<{ periodId: string }>(credentials, 'triage', `/programmes/${chosen}/periods`, {
        method: 'POST',
        body: { systemName, goLiveAt: goLiveAt ? new Date(goLiveAt).toISOString() : '', roster },
      });
    },
    onSuccess: ({ periodId }) => {
      void queries.invalidateQueries({ queryKey: ['periods'] });
      navigate({ view: 'dashboard', periodId });
    },
  });
  const problem = plan.error instanceof ApiProblem ? plan.error : undefined;
  const errorOf = (field: string) => problem?.fieldMessage(field);
  const member = (index: number, change: Partial<Member>) =>
    setRoster(roster.map((entry, at) => (at === index ? { ...entry, ...change } : entry)));

  return (
    <section aria-labelledby="plan-heading">
      <h1 id="plan-heading">Plan a period</h1>
      <form
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          plan.mutate();
        }}
        noValidate
      >
        <div className="field">
          <label htmlFor="plan-programme">Programme</label>
          <select
            id="plan-programme"
            value={programmeId}
            onChange={(event) => setProgrammeId(event.target.value)}
          >
            <option value="">Choose…</option>
            {(programmes.data ?? []).map((programme) => (
              <option key={programme.programmeId} value={programme.programmeId}>
                {programme.name}
              </option>
            ))}
            <option value={NEW_PROGRAMME}>A new programme…</option>
          </select>
        </div>
        {(programmeId === NEW_PROGRAMME || programmeId === '') && (
          <div className="field">
            <label htmlFor="plan-programme-name">New programme's name</label>
            <input
              id="plan-programme-name"
              value={programmeName}
              onChange={(event) => setProgrammeName(event.target.value)}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor="plan-system">System going live</label>
          <input
            id="plan-system"
            value={systemName}
            onChange={(event) => setSystemName(event.target.value)}
          />
          {errorOf('systemName') && <p className="error">{errorOf('systemName')}</p>}
        </div>
        <div className="field">
          <label htmlFor="plan-go-live">Go-live</label>
          <input
            id="plan-go-live"
            type="datetime-local"
            value={goLiveAt}
            onChange={(event) => setGoLiveAt(event.target.value)}
          />
          {errorOf('goLiveAt') && <p className="error">{errorOf('goLiveAt')}</p>}
        </div>
        <fieldset>
          <legend>Roster</legend>
          {roster.map((entry, index) => (
            <div className="roster-row" key={index}>
              <label htmlFor={`roster-role-${index}`}>Role</label>
              <select
                id={`roster-role-${index}`}
                value={entry.role}
                onChange={(event) => member(index, { role: event.target.value })}
              >
                {roles.map((role) => (
                  <option key={role}>{role}</option>
                ))}
              </select>
              <label htmlFor={`roster-name-${index}`}>Name</label>
              <input
                id={`roster-name-${index}`}
                value={entry.name}
                onChange={(event) => member(index, { name: event.target.value })}
              />
              <label htmlFor={`roster-email-${index}`}>Email</label>
              <input
                id={`roster-email-${index}`}
                type="email"
                value={entry.email}
                onChange={(event) => member(index, { email: event.target.value })}
              />
              {errorOf(`roster.${index}.email`) && (
                <p className="error">{errorOf(`roster.${index}.email`)}</p>
              )}
            </div>
          ))}
          <button
            type="button"
            onClick={() => setRoster([...roster, { role: 'technical-team-member', name: '', email: '' }])}
          >
            Add a member
          </button>
        </fieldset>
        <button type="submit" disabled={plan.isPending}>
          Plan the period
        </button>
        {plan.error && (
          <div role="alert" className="error">
            <p>{plan.error.message}</p>
            {problem?.problem.errors && (
              <ul>
                {problem.problem.errors.map((error) => (
                  <li key={error.field}>
                    {error.field}: {error.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </form>
    </section>
  );
};
