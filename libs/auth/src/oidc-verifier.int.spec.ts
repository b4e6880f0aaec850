import { systemClock } from '@hypercare/domain-kit';
import { TestIdentityProvider, type IdpClient } from '@hypercare/testing';
import { generateKeyPair, importJWK, SignJWT, type JWTPayload } from 'jose';
import { OidcVerifier, type OidcSettings } from './oidc-verifier';

const AUDIENCE = 'https://hypercare.test/api';
const monitor: IdpClient = {
  client_id: 'erp-monitor',
  client_secret: 'a-long-enough-client-secret-for-tests-0001',
  roles: ['agent@period:p-1', 'offline_access'],
};
const console: IdpClient = {
  client_id: 'hypercare-console',
  client_secret: 'another-long-enough-client-secret-0002',
};

/**
 * Bearer tokens from a real OpenID provider (oidc-provider in its own process), obtained
 * through real grants; the attacks are tokens signed as an attacker would (or as the provider
 * would, to place `exp`/`nbf`/`iss`/`aud` exactly), never only hand-signed ones.
 */
describe('bearer tokens from an OpenID provider', () => {
  let idp: TestIdentityProvider;
  let verifier: OidcVerifier;
  let settings: OidcSettings;

  const signedAsProvider = async (claims: JWTPayload, header: { alg?: string } = {}) =>
    new SignJWT({ iss: idp.issuer, aud: AUDIENCE, sub: 'ana', roles: ['admin'], ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: idp.currentKey.kid, ...header })
      .setIssuedAt()
      .setExpirationTime(typeof claims.exp === 'number' ? claims.exp : '5m')
      .sign(await importJWK(idp.currentKey.privateJwk, 'RS256'));

  beforeAll(async () => {
    idp = await TestIdentityProvider.start({
      audience: AUDIENCE,
      otherAudiences: ['https://another-api.test'],
      clients: [monitor, console],
      accounts: {
        'ana-7': {
          name: 'Ana Agent',
          email: 'ana@example.com',
          roles: ['agent@period:p-1', 'lead@programme:fin'],
        },
      },
    });
    settings = {
      issuer: idp.issuer,
      audience: AUDIENCE,
      rolesClaim: 'roles',
      algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      clockToleranceSeconds: 30,
      jwksCooldownMs: 0,
    };
    verifier = new OidcVerifier(settings, systemClock);
  }, 60_000);
  afterAll(() => idp?.stop());

  it('identifies a machine by its client-credentials token, with the grants among its roles', async () => {
    const token = await idp.clientCredentialsToken(monitor);
    await expect(verifier.authenticate(token)).resolves.toEqual({
      subject: 'erp-monitor',
      name: 'erp-monitor',
      kind: 'machine',
      grants: [{ role: 'agent', scope: { kind: 'period', id: 'p-1' } }],
    });
  });

  it('identifies a person signed in through the authorization-code flow', async () => {
    const token = await idp.authorizationCodeToken(console, 'ana-7');
    await expect(verifier.authenticate(token)).resolves.toEqual({
      subject: 'ana-7',
      name: 'Ana Agent',
      kind: 'person',
      email: 'ana@example.com',
      grants: [
        { role: 'agent', scope: { kind: 'period', id: 'p-1' } },
        { role: 'lead', scope: { kind: 'programme', id: 'fin' } },
      ],
    });
  });

  it('reads the roles from a nested claim when told to (Keycloak keeps them in realm_access.roles)', async () => {
    const nested = new OidcVerifier({ ...settings, rolesClaim: 'realm_access.roles' }, systemClock);
    const token = await signedAsProvider({
      roles: undefined,
      realm_access: { roles: ['analyst@period:p-2'] },
    });
    await expect(nested.authenticate(token)).resolves.toMatchObject({
      grants: [{ role: 'analyst', scope: { kind: 'period', id: 'p-2' } }],
    });
  });

  it('refuses a token issued for another audience', async () => {
    const token = await idp.clientCredentialsToken(monitor, 'https://another-api.test');
    await expect(verifier.authenticate(token)).rejects.toThrow(/"aud" claim is not accepted/);
  });

  it.each([
    ['expired a minute ago (beyond the 30 s skew)', { exp: Math.floor(Date.now() / 1000) - 60 }, /expired/],
    ['valid only from in a minute', { nbf: Math.floor(Date.now() / 1000) + 60 }, /not valid yet \(nbf\)/],
    ['from another issuer', { iss: 'https://evil.example' }, /"iss" claim is not accepted/],
    ['without a subject', { sub: undefined }, /"sub" claim is not accepted/],
  ])('refuses a token %s', async (_, claims, reason) => {
    await expect(verifier.authenticate(await signedAsProvider(claims))).rejects.toThrow(reason);
  });

  it('accepts a token expired within the clock skew', async () => {
    const token = await signedAsProvider({ exp: Math.floor(Date.now() / 1000) - 10 });
    await expect(verifier.authenticate(token)).resolves.toMatchObject({ subject: 'ana' });
  });

  it('refuses an unsigned token (alg none)', async () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const exp = Math.floor(Date.now() / 1000) + 300;
    const token = `${part({ alg: 'none' })}.${part({ iss: idp.issuer, aud: AUDIENCE, sub: 'mallory', exp, roles: ['admin'] })}.`;
    await expect(verifier.authenticate(token)).rejects.toThrow(/not accepted|not acceptable/);
  });

  it('refuses a token signed with HS256 using the public key as the secret', async () => {
    const { kty, n, e } = idp.currentKey.privateJwk;
    const secret = new TextEncoder().encode(JSON.stringify({ kty, n, e }));
    const token = await new SignJWT({ iss: idp.issuer, aud: AUDIENCE, sub: 'mallory', roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256', kid: idp.currentKey.kid })
      .setExpirationTime('5m')
      .sign(secret);
    await expect(verifier.authenticate(token)).rejects.toThrow(/algorithm is not accepted/);
  });

  it('refuses a token signed by a key the provider does not publish', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ iss: idp.issuer, aud: AUDIENCE, sub: 'mallory', roles: ['admin'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'not-a-key-of-theirs' })
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(verifier.authenticate(token)).rejects.toThrow(
      'The token is signed by a key the identity provider does not publish',
    );
  });

  it('follows a key rotation: tokens signed with the new key are accepted without a restart', async () => {
    const before = await idp.clientCredentialsToken(monitor);
    await expect(verifier.authenticate(before)).resolves.toMatchObject({ subject: 'erp-monitor' });
    await idp.rotateKeys();
    const after = await idp.clientCredentialsToken(monitor);
    expect(JSON.parse(Buffer.from(after.split('.')[0] as string, 'base64url').toString())).toMatchObject({
      kid: idp.currentKey.kid,
    });
    await expect(verifier.authenticate(after)).resolves.toMatchObject({ subject: 'erp-monitor' });
    await expect(verifier.authenticate(before)).resolves.toMatchObject({ subject: 'erp-monitor' });
  }, 60_000);

  it('says so when the identity provider cannot be reached, and recovers once it can', async () => {
    const fresh = new OidcVerifier(settings, systemClock);
    const token = await signedAsProvider({});
    await idp.stop();
    await expect(fresh.authenticate(token)).rejects.toThrow(
      `The identity provider ${idp.issuer} could not be reached to check the token`,
    );
    await idp.retireOldKeys();
    await expect(fresh.authenticate(token)).resolves.toMatchObject({ subject: 'ana' });
  }, 60_000);
});
