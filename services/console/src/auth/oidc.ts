import * as oauth from 'oauth4webapi';
import type { ConsoleConfig } from './console-config';

type OidcSettings = NonNullable<ConsoleConfig['oidc']>;

/** Who signed in through the identity provider, and until when the token is good. */
export interface OidcSession {
  accessToken: string;
  name: string;
  email?: string;
  expiresAt: number;
}

/** What the page keeps across the trip to the provider: the PKCE verifier, the state and where to return. */
interface Pending {
  verifier: string;
  state: string;
  returnTo: string;
}

const PENDING_KEY = 'hypercare.oidcPending';

/** The provider's address, and plain http allowed only where the operator configured it so (a local provider). */
const provider = async (settings: OidcSettings) => {
  const issuer = new URL(settings.issuer);
  const insecure = { [oauth.allowInsecureRequests]: issuer.protocol === 'http:' };
  const authorizationServer = await oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...insecure }),
  );
  return { authorizationServer, client: { client_id: settings.clientId }, insecure };
};

/** The console's own root: the address registered with the provider as its redirect URI. */
export const redirectUri = (): string => `${window.location.origin}/`;

/** Leaves for the provider's sign-in page: authorization code with PKCE (S256) and a state. */
export const beginOidcSignIn = async (settings: OidcSettings): Promise<void> => {
  const { authorizationServer } = await provider(settings);
  if (!authorizationServer.authorization_endpoint)
    throw new Error('the identity provider names no authorization endpoint');
  const pending: Pending = {
    verifier: oauth.generateRandomCodeVerifier(),
    state: oauth.generateRandomState(),
    returnTo: window.location.hash,
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(authorizationServer.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: settings.clientId,
    response_type: 'code',
    redirect_uri: redirectUri(),
    scope: settings.scope,
    state: pending.state,
    code_challenge: await oauth.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
    ...(settings.resource ? { resource: settings.resource } : {}),
  }).toString();
  window.location.assign(url);
};

/** Whether this page is the provider sending someone back (a code or an error, with a sign-in under way). */
export const returningFromProvider = (): boolean => {
  const parameters = new URLSearchParams(window.location.search);
  return parameters.has('state') && sessionStorage.getItem(PENDING_KEY) !== null;
};

/**
 * Exchanges the returned code for tokens (the state checked, the verifier proving this page
 * asked), then takes the code out of the address. The pending sign-in is used once: a reload
 * of the return address cannot replay it.
 */
export const completeOidcSignIn = async (settings: OidcSettings): Promise<OidcSession> => {
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as Pending | null;
  sessionStorage.removeItem(PENDING_KEY);
  const returned = new URL(window.location.href);
  window.history.replaceState(null, '', `${returned.pathname}${pending?.returnTo ?? ''}`);
  // Replacing the address moves no view by itself: the console's routing listens for this.
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  if (!pending) throw new Error('no sign-in was under way in this tab: start again');
  const { authorizationServer, client, insecure } = await provider(settings);
  const parameters = oauth.validateAuthResponse(authorizationServer, client, returned, pending.state);
  const tokens = await oauth.processAuthorizationCodeResponse(
    authorizationServer,
    client,
    await oauth.authorizationCodeGrantRequest(
      authorizationServer,
      client,
      oauth.None(),
      parameters,
      redirectUri(),
      pending.verifier,
      {
        ...insecure,
        ...(settings.resource ? { additionalParameters: { resource: settings.resource } } : {}),
      },
    ),
  );
  const claims = oauth.getValidatedIdTokenClaims(tokens);
  const name = [claims?.['name'], claims?.['preferred_username'], claims?.['email'], claims?.sub].find(
    (value): value is string => typeof value === 'string' && value !== '',
  );
  const email = claims?.['email'];
  return {
    accessToken: tokens.access_token,
    name: name ?? 'signed in',
    ...(typeof email === 'string' ? { email } : {}),
    expiresAt: Date.now() + (tokens.expires_in ?? 3600) * 1000,
  };
};
