import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Clock } from '@hypercare/domain-kit';
import { grantsAmong } from './grants';
import type { Principal } from './principal';
import { Unauthenticated } from './unauthenticated';

export interface OidcSettings {
  /** The identity provider's issuer URL, as its tokens' `iss` says it. */
  issuer: string;
  /** What tokens must name in `aud` to be meant for this platform. */
  audience: string;
  /** Where the roles are in a token, a dotted path: `roles`, `realm_access.roles`, `groups`. */
  rolesClaim: string;
  /** Signature algorithms accepted; never `none` or an HMAC. */
  algorithms: readonly string[];
  clockToleranceSeconds: number;
  /** How soon after fetching the key set a token with an unknown key may make it fetch again. */
  jwksCooldownMs: number;
}

type KeySet = ReturnType<typeof createRemoteJWKSet>;

const claimAt = (payload: JWTPayload, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      payload,
    );

const valuesOf = (claim: unknown): unknown[] =>
  Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(' ').filter(Boolean) : [];

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/** Why jose refused a token, in words a caller can act on. */
const reasonOf = (error: unknown): string => {
  if (error instanceof errors.JWTExpired) return `The token expired (${error.message})`;
  if (error instanceof errors.JWTClaimValidationFailed)
    return error.claim === 'nbf'
      ? 'The token is not valid yet (nbf)'
      : `The token's "${error.claim}" claim is not accepted: ${error.message}`;
  if (error instanceof errors.JOSEAlgNotAllowed)
    return `The token's signature algorithm is not accepted: ${error.message}`;
  if (error instanceof errors.JWKSNoMatchingKey)
    return 'The token is signed by a key the identity provider does not publish';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature does not verify';
  if (error instanceof errors.JOSEError) return `The token is not acceptable: ${error.message}`;
  return 'The token could not be checked';
};

/**
 * Bearer tokens from the identity provider: its keys found through OpenID discovery and
 * cached (a token signed by a key not seen yet makes it fetch them again: key rotation),
 * issuer, audience, expiry and not-before checked with a small clock skew, algorithms
 * allow-listed. Roles come from a configurable claim; values that are not grants are ignored.
 */
export class OidcVerifier {
  private keys?: Promise<KeySet>;

  constructor(
    private readonly settings: OidcSettings,
    private readonly clock: Clock,
  ) {}

  async authenticate(token: string): Promise<Principal> {
    const keys = await this.keySet();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: [...this.settings.algorithms],
        clockTolerance: this.settings.clockToleranceSeconds,
        currentDate: this.clock.now(),
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw new Unauthenticated(reasonOf(error));
    }
    const subject = payload.sub as string;
    const machine =
      subject === text(payload['client_id']) || (subject === text(payload['azp']) && !text(payload['email']));
    return {
      subject,
      name: text(payload['name']) ?? text(payload['preferred_username']) ?? text(payload['email']) ?? subject,
      kind: machine ? 'machine' : 'person',
      ...(text(payload['email']) ? { email: text(payload['email']) } : {}),
      grants: grantsAmong(valuesOf(claimAt(payload, this.settings.rolesClaim))),
    };
  }

  /** Discovery on first use, again after a failure: a service starts while its identity provider is away. */
  private keySet(): Promise<KeySet> {
    this.keys ??= this.discover().catch((error: unknown) => {
      this.keys = undefined;
      throw new Unauthenticated(
        `The identity provider ${this.settings.issuer} could not be reached to check the token: ${(error as Error).message}`,
      );
    });
    return this.keys;
  }

  private async discover(): Promise<KeySet> {
    const url = `${this.settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const metadata = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    if (metadata.issuer !== this.settings.issuer)
      throw new Error(`${url} names the issuer ${String(metadata.issuer)}, not ${this.settings.issuer}`);
    if (typeof metadata.jwks_uri !== 'string') throw new Error(`${url} names no jwks_uri`);
    return createRemoteJWKSet(new URL(metadata.jwks_uri), { cooldownDuration: this.settings.jwksCooldownMs });
  }
}
