import { ConfigError } from '@hypercare/service-kit';
import { loadAllInOneConfig } from './config';
import { consoleConnectsTo, consoleSettings } from './console-settings';

describe("the console's sign-in settings", () => {
  it('offers API keys only until a console client is named', () => {
    const settings = consoleSettings(loadAllInOneConfig({}));
    expect(settings).toEqual({});
    expect(consoleConnectsTo(settings)).toEqual([]);
  });

  it("names the provider, the console's client, its scope and resource, and lets the page reach that provider only", () => {
    const settings = consoleSettings(
      loadAllInOneConfig({
        OIDC_ISSUER: 'https://login.example.com/realms/acme',
        OIDC_AUDIENCE: 'api://hypercare',
        CONSOLE_OIDC_CLIENT_ID: 'hypercare-console',
        CONSOLE_OIDC_RESOURCE: 'api://hypercare',
      }),
    );
    expect(settings).toEqual({
      oidc: {
        issuer: 'https://login.example.com/realms/acme',
        clientId: 'hypercare-console',
        scope: 'openid profile email',
        resource: 'api://hypercare',
      },
    });
    expect(consoleConnectsTo(settings)).toEqual(['https://login.example.com']);
  });

  it('refuses a console client without an identity provider, naming both variables', () => {
    expect(() => loadAllInOneConfig({ CONSOLE_OIDC_CLIENT_ID: 'hypercare-console' })).toThrow(ConfigError);
    expect(() => loadAllInOneConfig({ CONSOLE_OIDC_CLIENT_ID: 'hypercare-console' })).toThrow(
      'CONSOLE_OIDC_CLIENT_ID needs OIDC_ISSUER',
    );
  });
});
