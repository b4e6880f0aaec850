import { useQuery } from '@tanstack/react-query';
import { AuthorizationResponseError } from 'oauth4webapi';
import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../api/client';
import { ApiProblem } from '../api/problem';
import { loadConsoleConfig } from './console-config';
import { beginOidcSignIn, completeOidcSignIn, returningFromProvider } from './oidc';
import { useSession, withApiKey, withBearer } from './session';

/** A refusal as a person can read it: the provider's own description where it gave one. */
const explain = (failure: unknown): string => {
  if (failure instanceof AuthorizationResponseError)
    return `The identity provider refused the sign-in: ${failure.error_description ?? failure.error}.`;
  if (failure instanceof ApiProblem) return failure.message;
  return failure instanceof Error ? failure.message : 'The platform did not answer.';
};

/**
 * Sign-in: through the organisation's identity provider where the platform names one
 * (authorization code + PKCE), or with an API key (the admin key the all-in-one printed at its
 * first start, or one an admin made).
 */
export const SignIn = () => {
  const { signIn, ended } = useSession();
  const config = useQuery({ queryKey: ['console-config'], queryFn: loadConsoleConfig, staleTime: Infinity });
  const oidc = config.data?.oidc;
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!oidc || !returningFromProvider()) return;
    setBusy(true);
    completeOidcSignIn(oidc)
      .then(({ accessToken, name, expiresAt, email }) =>
        signIn(withBearer(accessToken, name, expiresAt, email)),
      )
      .catch((failure: unknown) => setError(explain(failure)))
      .finally(() => setBusy(false));
  }, [oidc, signIn]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const session = withApiKey(apiKey.trim());
      await call(session.credentials, 'reporting', '/periods');
      signIn(session);
    } catch (failure) {
      setError(explain(failure));
    } finally {
      setBusy(false);
    }
  };

  const leave = () => {
    setBusy(true);
    if (oidc)
      beginOidcSignIn(oidc).catch((failure: unknown) => {
        setError(`The identity provider could not be reached: ${explain(failure)}`);
        setBusy(false);
      });
  };

  return (
    <main className="sign-in">
      <h1>Hypercare console</h1>
      {ended && <p role="status">{ended}</p>}
      {error && (
        <p id="sign-in-error" role="alert" className="error">
          {error}
        </p>
      )}
      {oidc && (
        <section aria-labelledby="sign-in-organisation">
          <h2 id="sign-in-organisation">People</h2>
          <button type="button" onClick={leave} disabled={busy}>
            Sign in with your organisation
          </button>
        </section>
      )}
      <form onSubmit={(event) => void submit(event)} aria-describedby="sign-in-help">
        {oidc && <h2>API key</h2>}
        <p id="sign-in-help">
          Sign in with an API key. On a new platform it is the admin key printed at its first start (also kept
          in <code>.hypercare/admin-api-key</code>).
        </p>
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          type="password"
          autoComplete="current-password"
          required
          value={apiKey}
          onChange={(event) => setApiKey(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-errormessage={error ? 'sign-in-error' : undefined}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
};
