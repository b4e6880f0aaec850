import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Credentials } from '../api/client';

const STORAGE_KEY = 'hypercare.apiKey';

interface Session {
  credentials: Credentials | undefined;
  signIn(apiKey: string): void;
  signOut(): void;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** Who is signed in: an API key kept for the tab's life only (session storage), sent as `X-Api-Key`. */
export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const [apiKey, setApiKey] = useState(() => sessionStorage.getItem(STORAGE_KEY) ?? undefined);
  const signIn = useCallback((key: string) => {
    sessionStorage.setItem(STORAGE_KEY, key);
    setApiKey(key);
  }, []);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setApiKey(undefined);
  }, []);
  const session = useMemo(
    () => ({ credentials: apiKey ? { 'x-api-key': apiKey } : undefined, signIn, signOut }),
    [apiKey, signIn, signOut],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
};

export const useSession = (): Session => {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
};

/** The signed-in credentials, for views only shown once signed in. */
export const useCredentials = (): Credentials => {
  const { credentials } = useSession();
  if (!credentials) throw new Error('not signed in');
  return credentials;
};
