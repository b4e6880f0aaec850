import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call } from '../api/client';
import { useCredentials } from '../auth/session';
import { DataTable } from '../common/data-table';
import { Field, invalidWhen } from '../common/field';
import { Refusal, fieldError } from '../common/refusal';
import { GrantPicker, grantText, type GrantChoice } from './grant-picker';

interface ApiKey {
  id: string;
  name: string;
  grants: string[];
  createdBy: { name: string };
  createdAt: string;
  expiresAt?: string;
  revokedAt?: string;
  lastUsedAt?: string;
  signing: boolean;
}

const when = (iso?: string) => (iso ? new Date(iso).toLocaleString() : '—');

/**
 * The platform admin's keys: every key with its grants and use, a form that makes one (for a
 * machine, or a person on a platform without an identity provider) and shows it once, and
 * revocation.
 */
export const ApiKeys = () => {
  const credentials = useCredentials();
  const queries = useQueryClient();
  const keys = useQuery({
    queryKey: ['api-keys'],
    queryFn: () => call<{ items: ApiKey[] }>(credentials, 'triage', '/api-keys'),
  });
  const [name, setName] = useState('');
  const [grants, setGrants] = useState<GrantChoice[]>([{ role: 'agent', scope: '' }]);
  const [expiresAt, setExpiresAt] = useState('');
  const [signing, setSigning] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      call<ApiKey & { key: string; signingSecret?: string }>(credentials, 'triage', '/api-keys', {
        method: 'POST',
        body: {
          name,
          grants: grants.map(grantText),
          ...(expiresAt ? { expiresAt: new Date(expiresAt).toISOString() } : {}),
          ...(signing ? { signing } : {}),
        },
      }),
    onSuccess: () => {
      setName('');
      void queries.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => call<ApiKey>(credentials, 'triage', `/api-keys/${id}`, { method: 'DELETE' }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['api-keys'] }),
  });
  const nameError = fieldError(create.error, 'name');

  return (
    <section aria-labelledby="keys-heading">
      <h1 id="keys-heading">API keys</h1>
      <form
        aria-labelledby="new-key-heading"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <h2 id="new-key-heading">Make a key</h2>
        <Field id="key-name" label="What it is for" error={nameError}>
          <input
            id="key-name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            {...invalidWhen('key-name', nameError)}
          />
        </Field>
        <fieldset>
          <legend>Grants</legend>
          {grants.map((grant, index) => (
            <GrantPicker
              key={index}
              index={index}
              grant={grant}
              onChange={(changed) => setGrants(grants.map((old, at) => (at === index ? changed : old)))}
              onRemove={
                grants.length > 1 ? () => setGrants(grants.filter((_, at) => at !== index)) : undefined
              }
            />
          ))}
          <button type="button" onClick={() => setGrants([...grants, { role: 'agent', scope: '' }])}>
            Add a grant
          </button>
        </fieldset>
        <Field id="key-expires" label="Expires (optional)" error={fieldError(create.error, 'expiresAt')}>
          <input
            id="key-expires"
            type="datetime-local"
            value={expiresAt}
            onChange={(event) => setExpiresAt(event.target.value)}
          />
        </Field>
        <div className="field">
          <label>
            <input type="checkbox" checked={signing} onChange={(event) => setSigning(event.target.checked)} />{' '}
            Also a signing secret (for sources that sign their requests)
          </label>
        </div>
        <button type="submit" disabled={create.isPending}>
          Make the key
        </button>
        <Refusal error={create.error} />
        {create.data && (
          <div role="status" className="made-key">
            <p>
              Key for <strong>{create.data.name}</strong> made. Copy it now: it is not shown again.
            </p>
            <output aria-label="The new key">{create.data.key}</output>
            {create.data.signingSecret && (
              <output aria-label="The signing secret">{create.data.signingSecret}</output>
            )}
          </div>
        )}
      </form>
      <h2>Every key</h2>
      {keys.isPending && <p role="status">Loading the keys…</p>}
      {keys.error && <p role="alert">{keys.error.message}</p>}
      <Refusal error={revoke.error} />
      {keys.data && (
        <DataTable
          rows={keys.data.items}
          rowKey={(key) => key.id}
          columns={[
            { title: 'Name', cell: (key) => key.name },
            { title: 'Grants', cell: (key) => key.grants.join(', ') },
            { title: 'Made by', cell: (key) => `${key.createdBy.name}, ${when(key.createdAt)}` },
            { title: 'Expires', cell: (key) => when(key.expiresAt) },
            { title: 'Last used', cell: (key) => when(key.lastUsedAt) },
            {
              title: 'State',
              cell: (key) =>
                key.revokedAt ? (
                  `revoked ${when(key.revokedAt)}`
                ) : (
                  <button type="button" onClick={() => revoke.mutate(key.id)} disabled={revoke.isPending}>
                    Revoke {key.name}
                  </button>
                ),
            },
          ]}
        />
      )}
    </section>
  );
};
