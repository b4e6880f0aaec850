import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Credentials } from '../api/client';

const STORAGE_KEY = 'hypercare.session';

/** What a signed-in tab keeps (session storage: gone with the tab): the headers every call sends. */
export interface SignedIn {
  credentials: Credentials;
  /** Who, as the console shows it: a person's name, or "API key". */
  who: string;
  /** When a provider's token stops working; an API key has no end the console knows. */
  expiresAt?: number;
  /** A person's email, as their provider vouches for it. */
  email?: string;
}

interface Session {
  signedIn: SignedIn | undefined;
  credentials: Credentials | undefined;
  /** Why the last session ended without a sign-out (its token expired), shown at sign-in. */
  ended: string | undefined;
  signIn(session: SignedIn): void;
  signOut(): void;
}

const SessionContext = createContext<Session | undefined>(undefined);

const stored = (): SignedIn | undefined => {
  const found = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as SignedIn | null;
  return found && (found.expiresAt === undefined || found.expiresAt > Date.now()) ? found : undefined;
};

export const withApiKey = (apiKey: string): SignedIn => ({
  credentials: { 'x-api-key': apiKey },
  who: 'API key',
});

export const withBearer = (token: string, who: string, expiresAt: number, email?: string): SignedIn => ({
  credentials: { authorization: `Bearer ${token}` },
  who,
  expiresAt,
  ...(email ? { email } : {}),
});

/** Who is signed in; a provider's token ends the session when it expires, saying so. */
export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const [signedIn, setSignedIn] = useState(stored);
  const [ended, setEnded] = useState<string>();
  const signIn = useCallback((session: SignedIn) => {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    setEnded(undefined);
    setSignedIn(session);
  }, []);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setSignedIn(undefined);
  }, []);
  useEffect(() => {
    if (signedIn?.expiresAt === undefined) return;
    const timer = setTimeout(
      () => {
        signOut();
        setEnded('Your sign-in expired: sign in again.');
      },
      Math.max(0, signedIn.expiresAt - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [signedIn, signOut]);
  const session = useMemo(
    () => ({ signedIn, credentials: signedIn?.credentials, ended, signIn, signOut }),
    [signedIn, ended, signIn, signOut],
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
