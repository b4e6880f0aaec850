import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call } from '../api/client';
import { bodyChoices, useOpenApi } from '../api/openapi';
import { useProgrammes } from '../api/queries';
import { useCredentials } from '../auth/session';
import type { RosterMember } from '../api/types';
import { Field, invalidWhen } from '../common/field';
import { Refusal, fieldError } from '../common/refusal';
import { RosterFields } from './roster-fields';
import { navigate } from '../routing';

const PLAN_PATH = '/triage/programmes/{programmeId}/periods';
const NEW_PROGRAMME = 'new';

/** The roster's roles as the period definition declares them (the contracts' own list). */
const useRoles = (): string[] => bodyChoices(useOpenApi().data, PLAN_PATH, 'post', ['roster', '[]', 'role']);

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
  const [roster, setRoster] = useState<RosterMember[]>([{ role: 'technical-lead', name: '', email: '' }]);
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
      const planned = await call<{ periodId: string; position?: number }>(
        credentials,
        'triage',
        `/programmes/${chosen}/periods`,
        {
          method: 'POST',
          body: { systemName, goLiveAt: goLiveAt ? new Date(goLiveAt).toISOString() : '', roster },
        },
      );
      // Read our own write: the period's page opens once reporting has heard of it (it waits up to 5 s).
      await call(credentials, 'reporting', `/periods/${planned.periodId}/dashboard`, {
        query: { minPosition: planned.position },
      }).catch(() => undefined);
      return planned;
    },
    onSuccess: ({ periodId }) => {
      void queries.invalidateQueries({ queryKey: ['periods'] });
      navigate({ view: 'dashboard', periodId });
    },
  });
  const errorOf = (field: string) => fieldError(plan.error, field);

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
        <Field id="plan-system" label="System going live" error={errorOf('systemName')}>
          <input
            id="plan-system"
            value={systemName}
            onChange={(event) => setSystemName(event.target.value)}
            {...invalidWhen('plan-system', errorOf('systemName'))}
          />
        </Field>
        <Field id="plan-go-live" label="Go-live" error={errorOf('goLiveAt')}>
          <input
            id="plan-go-live"
            type="datetime-local"
            value={goLiveAt}
            onChange={(event) => setGoLiveAt(event.target.value)}
            {...invalidWhen('plan-go-live', errorOf('goLiveAt'))}
          />
        </Field>
        <RosterFields roster={roster} roles={roles} errorOf={errorOf} onChange={setRoster} />
        <button type="submit" disabled={plan.isPending}>
          Plan the period
        </button>
        <Refusal error={plan.error} />
      </form>
    </section>
  );
};
