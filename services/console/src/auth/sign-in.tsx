import { useState, type FormEvent } from 'react';
import { call } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useSession } from './session';

/** Sign-in with an API key: the admin key the all-in-one printed at its first start, or one an admin made. */
export const SignIn = () => {
  const { signIn } = useSession();
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<string>();
  const [checking, setChecking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecking(true);
    setError(undefined);
    try {
      await call({ 'x-api-key': apiKey.trim() }, 'reporting', '/periods');
      signIn(apiKey.trim());
    } catch (failure) {
      setError(failure instanceof ApiProblem ? failure.message : 'The platform did not answer.');
    } finally {
      setChecking(false);
    }
  };

  return (
    <main className="sign-in">
      <h1>Hypercare console</h1>
      <form onSubmit={(event) => void submit(event)} aria-describedby="sign-in-help">
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
        {error && (
          <p id="sign-in-error" role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={checking}>
          {checking ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
};
