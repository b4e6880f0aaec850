import type { AuthEnvironment } from '@hypercare/service-kit';
import type { ApiKeyStore } from './api-key-store';
import type { OidcVerifier } from './oidc-verifier';
import type { Principal } from './principal';
import type { SignedRequest } from './signing/request-signature';
import { Unauthenticated } from './unauthenticated';

/** Who calls when authentication is off: local experiments only (refused on a non-loopback HOST). */
const LOCAL_EXPERIMENTER: Principal = {
  subject: 'local:anonymous',
  name: 'anonymous (HYPERCARE_AUTH=off)',
  kind: 'person',
  grants: [{ role: 'admin', scope: { kind: 'platform' } }],
};

/** The credential headers of a request, and what a signature covers. */
export interface Credentials {
  authorization?: string;
  apiKey?: string;
  signed?: Partial<SignedRequest> & { body: Buffer };
}

const signedRequest = ({
  keyId,
  timestamp,
  signature,
  body,
}: NonNullable<Credentials['signed']>): SignedRequest => {
  if (!keyId) throw new Unauthenticated('A signed request names its API key in X-Hypercare-Key-Id');
  if (!timestamp)
    throw new Unauthenticated(
      'A signed request carries X-Hypercare-Timestamp (Unix seconds), which the signature covers',
    );
  return { keyId, timestamp, signature: signature as string, body };
};

/**
 * Turns a request's credentials into a principal: an API key (`X-Api-Key`, or a bearer value
 * shaped like one) from the key store, any other bearer value as a token of the identity
 * provider, and a signature (X-Hypercare-Signature) as made with a key's signing secret. Unauthenticated, naming why, when they identify no one.
 */
/**
 * The API key Basic credentials carry as their password: for tools that can put credentials
 * only in a URL (`https://relay:<key>@…`, as mail relays' inbound-parse webhooks do). Nothing
 * else is taken as Basic: there are no passwords here.
 */
const apiKeyInBasic = (encoded: string): string => {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const password = decoded.slice(decoded.indexOf(':') + 1);
  if (!decoded.includes(':') || !password.startsWith('hck_'))
    throw new Unauthenticated(
      'Basic credentials must carry an API key (hck_…) as the password; people sign in with Bearer tokens',
    );
  return password;
};

export class Authenticator {
  constructor(
    private readonly mode: AuthEnvironment['HYPERCARE_AUTH'],
    private readonly apiKeys: ApiKeyStore,
    private readonly tokens: OidcVerifier | undefined,
  ) {}

  async authenticate({ authorization, apiKey, signed }: Credentials): Promise<Principal> {
    if (this.mode === 'off') return LOCAL_EXPERIMENTER;
    if (signed?.signature !== undefined) return this.apiKeys.authenticateSigned(signedRequest(signed));
    if (apiKey !== undefined) return this.apiKeys.authenticate(apiKey.trim());
    if (authorization === undefined)
      throw new Unauthenticated(
        'No credentials: send Authorization: Bearer <token> (people) or X-Api-Key: <key> (machines)',
      );
    const [scheme, value, ...extra] = authorization.trim().split(/\s+/);
    if (scheme?.toLowerCase() === 'basic' && value && extra.length === 0)
      return this.apiKeys.authenticate(apiKeyInBasic(value));
    if (scheme?.toLowerCase() !== 'bearer' || !value || extra.length > 0)
      throw new Unauthenticated(
        'The Authorization header must be "Bearer <token or API key>" (or Basic with an API key as the password)',
      );
    if (value.startsWith('hck_')) return this.apiKeys.authenticate(value);
    if (!this.tokens)
      throw new Unauthenticated(
        'Bearer tokens are not accepted here: no identity provider is configured (OIDC_ISSUER); use an API key',
      );
    return this.tokens.authenticate(value);
  }
}
