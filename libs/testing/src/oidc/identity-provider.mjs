// A real OpenID provider for tests (oidc-provider, a certified implementation), run as its own
// process like any identity provider: its settings arrive as JSON in IDP_SETTINGS.
import Provider, { errors } from 'oidc-provider';

const settings = JSON.parse(process.env.IDP_SETTINGS ?? '{}');
const issuer = `http://127.0.0.1:${settings.port}`;

const provider = new Provider(issuer, {
  jwks: { keys: settings.keys },
  clients: settings.clients.map(({ roles, ...client }) => ({ ...client, 'urn:hypercare:roles': roles })),
  extraClientMetadata: { properties: ['urn:hypercare:roles'] },
  features: {
    devInteractions: { enabled: true },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => settings.audience,
      useGrantedResource: () => true,
      getResourceServerInfo: (_, resource) => {
        if (!settings.resources.includes(resource)) throw new errors.InvalidTarget();
        return {
          scope: 'hypercare',
          audience: resource,
          accessTokenFormat: 'jwt',
          accessTokenTTL: settings.accessTokenTtlSeconds,
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  findAccount: (_, id) => {
    const account = settings.accounts[id];
    return (
      account && { accountId: id, claims: () => ({ sub: id, name: account.name, email: account.email }) }
    );
  },
  claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
  extraTokenClaims: async (ctx, token) => {
    if (token.accountId) {
      const account = settings.accounts[token.accountId];
      return { name: account.name, email: account.email, roles: account.roles };
    }
    const client = await ctx.oidc.provider.Client.find(token.clientId);
    return { roles: client['urn:hypercare:roles'] ?? [] };
  },
  pkce: { required: () => true },
});
provider.proxy = false;

provider.listen(settings.port, '127.0.0.1', () => {
  process.stdout.write(`identity provider listening at ${issuer}\n`);
});
process.on('SIGTERM', () => process.exit(0));
