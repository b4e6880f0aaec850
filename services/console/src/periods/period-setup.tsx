import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call } from '../api/client';
import { bodyChoices, useOpenApi } from '../api/openapi';
import type { PeriodConfiguration } from '../api/types';
import { useCredentials } from '../auth/session';
import { Refusal, fieldError } from '../common/refusal';
import { EscalationFields } from './escalation-fields';
import { ExitCriteriaFields } from './exit-criteria-fields';
import { PriorityGrid, SlaPolicyTable } from './policy-grid';
import { RosterFields } from './roster-fields';

const PUT_PATH = '/triage/periods/{periodId}';

/** The form over one loaded definition: every part editable, saved whole, refusals shown where they point. */
const SetupForm = ({ periodId, loaded }: { periodId: string; loaded: PeriodConfiguration }) => {
  const credentials = useCredentials();
  const queries = useQueryClient();
  const openApi = useOpenApi().data;
  const choices = (...fields: string[]) => bodyChoices(openApi, PUT_PATH, 'put', fields);
  const roles = choices('roster', '[]', 'role');
  const [draft, setDraft] = useState(loaded);
  const part =
    <K extends keyof PeriodConfiguration>(key: K) =>
    (value: PeriodConfiguration[K]) =>
      setDraft({ ...draft, [key]: value });
  const save = useMutation({
    mutationFn: () => call(credentials, 'triage', `/periods/${periodId}`, { method: 'PUT', body: draft }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['period', periodId] }),
  });
  const errorOf = (field: string) => fieldError(save.error, field);

  return (
    <form
      aria-labelledby="setup-heading"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <h2 id="setup-heading">Set-up</h2>
      <RosterFields roster={draft.roster} roles={roles} errorOf={errorOf} onChange={part('roster')} />
      <SlaPolicyTable policy={draft.slaPolicy} errorOf={errorOf} onChange={part('slaPolicy')} />
      <PriorityGrid matrix={draft.priorityMatrix} onChange={part('priorityMatrix')} />
      <EscalationFields
        matrix={draft.escalationMatrix}
        roles={choices('escalationMatrix', '[]', 'levels', '[]', 'notifyRole')}
        errorOf={errorOf}
        onChange={part('escalationMatrix')}
      />
      <ExitCriteriaFields
        criteria={draft.exitCriteria}
        metrics={choices('exitCriteria', '[]', 'metric')}
        comparators={choices('exitCriteria', '[]', 'comparator')}
        errorOf={errorOf}
        onChange={part('exitCriteria')}
      />
      <button type="submit" disabled={save.isPending}>
        Save the set-up
      </button>
      {save.isSuccess && !save.isPending && <p role="status">Saved: the period runs on this set-up now.</p>}
      <Refusal error={save.error} />
    </form>
  );
};

/** A period's set-up as triage keeps it (roster, SLA policy, priority and escalation matrices, exit criteria). */
export const PeriodSetup = ({ periodId }: { periodId: string }) => {
  const credentials = useCredentials();
  const period = useQuery({
    // Not under ['period', id]: the live stream's refreshes must not replace a form being edited.
    queryKey: ['period-definition', periodId],
    queryFn: () =>
      call<{ configuration: PeriodConfiguration }>(credentials, 'triage', `/periods/${periodId}`),
    staleTime: Infinity,
  });
  if (period.isPending) return <p role="status">Loading the set-up…</p>;
  if (period.error) return <p role="alert">{period.error.message}</p>;
  return <SetupForm periodId={periodId} loaded={period.data.configuration} />;
};
