import { createHash, randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { freePort } from './free-port';
import { spawnService, waitForOk, type ServiceProcess } from './service-process';

export interface IdpClient {
  client_id: string;
  client_secret: string;
  /** The grants its client-credentials tokens carry in their `roles` claim. */
  roles?: string[];
}

export interface IdpAccount {
  name: string;
  email: string;
  roles: string[];
}

/** A client that keeps no secret (a page in a browser): PKCE only, back to its own addresses. */
export interface IdpPublicClient {
  client_id: string;
  redirect_uris: string[];
}

export interface IdentityProviderOptions {
  /** The audience (resource) tokens are issued for; `otherAudiences` may be asked for too. */
  audience: string;
  otherAudiences?: string[];
  clients: IdpClient[];
  publicClients?: IdpPublicClient[];
  accounts: Record<string, IdpAccount>;
  accessTokenTtlSeconds?: number;
}

const REDIRECT_URI = 'http://127.0.0.1/callback';

/** A signing key of the provider's, private half included (tests may sign as it would). */
export interface SigningKey {
  kid: string;
  privateJwk: JWK;
}

const signingKey = async (): Promise<SigningKey> => {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomBytes(6).toString('hex');
  return { kid, privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' } };
};

/** A tiny cookie jar: the provider's interaction steps are tied together by cookies. */
class Cookies {
  private readonly jar = new Map<string, string>();
  keep(response: Response): void {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = (pair as string).indexOf('=');
      this.jar.set((pair as string).slice(0, eq), (pair as string).slice(eq + 1));
    }
  }
  header(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * A real OpenID provider (oidc-provider) in a process of its own on a free loopback port:
 * tokens come from its token endpoint through real grants, and its keys can be rotated while
 * a test runs (it restarts on the same port publishing a new signing key first).
 */
export class TestIdentityProvider {
  private constructor(
    private readonly options: IdentityProviderOptions,
    private readonly port: number,
    private process: ServiceProcess,
    private keys: SigningKey[],
  ) {}

  static async start(options: IdentityProviderOptions): Promise<TestIdentityProvider> {
    const port = await freePort();
    const keys = [await signingKey()];
    const provider = new TestIdentityProvider(
      options,
      port,
      TestIdentityProvider.spawn(options, port, keys),
      keys,
    );
    await provider.ready();
    return provider;
  }

  get issuer(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The key tokens are signed with now. */
  get currentKey(): SigningKey {
    return this.keys[0] as SigningKey;
  }

  /** A client-credentials access token, for `resource` (default: the audience). */
  async clientCredentialsToken(client: IdpClient, resource = this.options.audience): Promise<string> {
    return this.token(client, { grant_type: 'client_credentials', resource, scope: 'hypercare' });
  }

  /**
   * An access token for a person, by the authorization-code flow with PKCE driven over HTTP:
   * authorize, sign in as `accountId` and consent on the provider's pages, exchange the code.
   */
  async authorizationCodeToken(client: IdpClient, accountId: string): Promise<string> {
    const cookies = new Cookies();
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const authorize = new URL(`${this.issuer}/auth`);
    for (const [name, value] of Object.entries({
      client_id: client.client_id,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope: 'openid profile email hypercare',
      resource: this.options.audience,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }))
      authorize.searchParams.set(name, value);
    let location = authorize.toString();
    for (let step = 0; step < 12; step++) {
      if (location.startsWith(REDIRECT_URI)) {
        const code = new URL(location).searchParams.get('code');
        if (!code) throw new Error(`the provider redirected without a code: ${location}`);
        return this.token(client, {
          grant_type: 'authorization_code',
          code,
          redirect_uri: REDIRECT_URI,
          code_verifier: verifier,
        });
      }
      const url = new URL(location, this.issuer);
      const interaction = /^\/interaction\/[^/]+$/.test(url.pathname);
      const response = await fetch(url, {
        redirect: 'manual',
        method: interaction ? 'POST' : 'GET',
        headers: {
          cookie: cookies.header(),
          ...(interaction ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: interaction ? await this.interactionAnswer(url, cookies, accountId) : undefined,
      });
      cookies.keep(response);
      const next = response.headers.get('location');
      if (!next)
        throw new Error(
          `${url.pathname} answered ${response.status} without a redirect: ${await response.text()}`,
        );
      location = next;
    }
    throw new Error('the authorization-code flow did not reach the redirect URI');
  }

  /** Publishes a new signing key first (the old one stays published until `retireOldKeys`). */
  async rotateKeys(): Promise<void> {
    this.keys = [await signingKey(), ...this.keys];
    await this.restart();
  }

  async retireOldKeys(): Promise<void> {
    this.keys = [this.currentKey];
    await this.restart();
  }

  async stop(): Promise<void> {
    this.process.child.kill('SIGTERM');
    await this.process.exited;
  }

  /** Which prompt the provider's interaction page asks for, and the form that answers it. */
  private async interactionAnswer(url: URL, cookies: Cookies, accountId: string): Promise<string> {
    const page = await fetch(url, { headers: { cookie: cookies.header() } });
    cookies.keep(page);
    const html = await page.text();
    return html.includes('name="login"')
      ? new URLSearchParams({ prompt: 'login', login: accountId, password: 'any' }).toString()
      : new URLSearchParams({ prompt: 'consent' }).toString();
  }

  private async token(client: IdpClient, form: Record<string, string>): Promise<string> {
    const response = await fetch(`${this.issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}`,
      },
      body: new URLSearchParams(form).toString(),
    });
    const body = (await response.json()) as { access_token?: string };
    if (!response.ok || !body.access_token)
      throw new Error(`the token endpoint answered ${response.status}: ${JSON.stringify(body)}`);
    return body.access_token;
  }

  private async restart(): Promise<void> {
    await this.stop();
    this.process = TestIdentityProvider.spawn(this.options, this.port, this.keys);
    await this.ready();
  }

  private ready(): Promise<Response> {
    return waitForOk(`${this.issuer}/.well-known/openid-configuration`, this.process, 30_000);
  }

  private static spawn(options: IdentityProviderOptions, port: number, keys: SigningKey[]): ServiceProcess {
    return spawnService('libs/testing/src/oidc/identity-provider.mjs', {
      IDP_SETTINGS: JSON.stringify({
        port,
        audience: options.audience,
        resources: [options.audience, ...(options.otherAudiences ?? [])],
        keys: keys.map(({ privateJwk }) => privateJwk),
        clients: [
          ...options.clients.map((client) => ({
            ...client,
            grant_types: ['client_credentials', 'authorization_code'],
            response_types: ['code'],
            redirect_uris: [REDIRECT_URI],
          })),
          ...(options.publicClients ?? []).map((client) => ({
            ...client,
            grant_types: ['authorization_code'],
            response_types: ['code'],
            token_endpoint_auth_method: 'none',
          })),
        ],
        accounts: options.accounts,
        accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 300,
      }),
    });
  }
}
