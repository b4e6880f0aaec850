import { ConfigError } from '@hypercare/service-kit';
import { z } from 'zod';

export const consoleVariables = {
  /** The console's client at the identity provider: set, the console offers sign-in with it (authorization code + PKCE). */
  CONSOLE_OIDC_CLIENT_ID: z.string().min(1).optional(),
  CONSOLE_OIDC_SCOPE: z.string().min(1).default('openid profile email'),
  /** A resource indicator (RFC 8707) for providers that issue tokens for the audience only when asked. */
  CONSOLE_OIDC_RESOURCE: z.string().url('must be the resource (audience) URL or URN').optional(),
};

type ConsoleEnvironment = z.infer<z.ZodObject<typeof consoleVariables>> & { OIDC_ISSUER?: string };

/** What the console reads at start (`/console-config.json`): how people sign in here. */
export interface ConsoleSettings {
  oidc?: { issuer: string; clientId: string; scope: string; resource?: string };
}

export const consoleSettings = (config: ConsoleEnvironment): ConsoleSettings => {
  if (!config.CONSOLE_OIDC_CLIENT_ID) return {};
  if (!config.OIDC_ISSUER)
    throw new ConfigError([
      'CONSOLE_OIDC_CLIENT_ID needs OIDC_ISSUER: the identity provider the console signs people in with',
    ]);
  return {
    oidc: {
      issuer: config.OIDC_ISSUER,
      clientId: config.CONSOLE_OIDC_CLIENT_ID,
      scope: config.CONSOLE_OIDC_SCOPE,
      ...(config.CONSOLE_OIDC_RESOURCE ? { resource: config.CONSOLE_OIDC_RESOURCE } : {}),
    },
  };
};

/** The origins the console's page calls besides its own: the identity provider's. */
export const consoleConnectsTo = (settings: ConsoleSettings): string[] =>
  settings.oidc ? [new URL(settings.oidc.issuer).origin] : [];
