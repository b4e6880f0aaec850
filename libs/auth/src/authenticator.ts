import type { AuthEnvironment } from '@hypercare/service-kit';
import type { ApiKeyStore } from './api-key-store';
import type { OidcVerifier } from './oidc-verifier';
import type { Principal } from './principal';
import { Unauthenticated } from './unauthenticated';

/** Who calls when authentication is off: local experiments only (refused on a non-loopback HOST). */
const LOCAL_EXPERIMENTER: Principal = {
  subject: 'local:anonymous',
  name: 'anonymous (HYPERCARE_AUTH=off)',
  kind: 'person',
  grants: [{ role: 'admin', scope: { kind: 'platform' } }],
};

/** The credential headers of a request. */
export interface Credentials {
  authorization?: string;
  apiKey?: string;
}

/**
 * Turns a request's credentials into a principal: an API key (`X-Api-Key`, or a bearer value
 * shaped like one) from the key store, any other bearer value as a token of the identity
 * provider. Unauthenticated, naming why, when they identify no one.
 */
export class Authenticator {
  constructor(
    private readonly mode: AuthEnvironment['HYPERCARE_AUTH'],
    private readonly apiKeys: ApiKeyStore,
    private readonly tokens: OidcVerifier | undefined,
  ) {}

  async authenticate({ authorization, apiKey }: Credentials): Promise<Principal> {
    if (this.mode === 'off') return LOCAL_EXPERIMENTER;
    if (apiKey !== undefined) return this.apiKeys.authenticate(apiKey.trim());
    if (authorization === undefined)
      throw new Unauthenticated(
        'No credentials: send Authorization: Bearer <token> (people) or X-Api-Key: <key> (machines)',
      );
    const [scheme, value, ...extra] = authorization.trim().split(/\s+/);
    if (scheme?.toLowerCase() !== 'bearer' || !value || extra.length > 0)
      throw new Unauthenticated('The Authorization header must be "Bearer <token or API key>"');
    if (value.startsWith('hck_')) return this.apiKeys.authenticate(value);
    if (!this.tokens)
      throw new Unauthenticated(
        'Bearer tokens are not accepted here: no identity provider is configured (OIDC_ISSUER); use an API key',
      );
    return this.tokens.authenticate(value);
  }
}
