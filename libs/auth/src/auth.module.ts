import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AnswerAccessInterceptor } from './answer-access.interceptor';
import { RateLimitGuard } from './rate-limits/rate-limit.guard';
import { rateLimits } from './rate-limits/rate-limits';
import { systemClock } from '@hypercare/domain-kit';
import type { AuthEnvironment } from '@hypercare/service-kit';
import type { Pool } from 'pg';
import { ApiKeyStore } from './api-key-store';
import { AccessGuard } from './access.guard';
import { AuthenticationGuard } from './authentication.guard';
import { Authenticator } from './authenticator';
import { OidcVerifier } from './oidc-verifier';
import { SecretSealer } from './signing/secret-sealer';
import { systemActor } from './principal';

/** Where the API keys are kept, as the service's runtime provides it. */
export interface AuthDatabase {
  pool: Pool;
  /** Whether other processes use the same database (rate limits are then counted there). */
  shared: boolean;
  /** Runs work while no other process migrates the same tables. */
  exclusive: <T>(work: () => Promise<T>) => Promise<T>;
}

export const AUTH_DATABASE = Symbol('AUTH_DATABASE');

/** Keeps the deployment's first admin key, given through HYPERCARE_ADMIN_API_KEY. */
const adoptAdminKey = async (store: ApiKeyStore, key: string | undefined): Promise<void> => {
  if (!key) return;
  await store.adopt(
    key,
    {
      name: 'platform admin (HYPERCARE_ADMIN_API_KEY)',
      grants: [{ role: 'admin', scope: { kind: 'platform' } }],
    },
    systemActor('start-up'),
  );
};

/**
 * Authentication for a whole service: the API key store, the identity provider's tokens when
 * one is configured, and a guard in front of every route. Real time, not the service's clock:
 * a simulation moving its clock must not make credentials expire or come alive.
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(config: AuthEnvironment): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        ThrottlerModule.forRootAsync({
          inject: [AUTH_DATABASE],
          useFactory: (database: AuthDatabase) => rateLimits(config, database),
        }),
      ],
      providers: [
        {
          provide: ApiKeyStore,
          inject: [AUTH_DATABASE],
          useFactory: async ({ pool, exclusive }: AuthDatabase) => {
            const store = await ApiKeyStore.open(pool, systemClock, {
              exclusive,
              ...(config.HYPERCARE_SIGNING_KEY
                ? { sealer: new SecretSealer(config.HYPERCARE_SIGNING_KEY) }
                : {}),
            });
            await adoptAdminKey(store, config.HYPERCARE_ADMIN_API_KEY);
            return store;
          },
        },
        {
          provide: Authenticator,
          inject: [ApiKeyStore],
          useFactory: (store: ApiKeyStore) =>
            new Authenticator(
              config.HYPERCARE_AUTH,
              store,
              config.OIDC_ISSUER && config.OIDC_AUDIENCE
                ? new OidcVerifier(
                    {
                      issuer: config.OIDC_ISSUER,
                      audience: config.OIDC_AUDIENCE,
                      rolesClaim: config.OIDC_ROLES_CLAIM,
                      algorithms: config.OIDC_ALGORITHMS,
                      clockToleranceSeconds: config.OIDC_CLOCK_SKEW_SECONDS,
                      jwksCooldownMs: config.OIDC_JWKS_COOLDOWN_MS,
                    },
                    systemClock,
                  )
                : undefined,
            ),
        },
        // In this order: who calls, how often they may, and what they may do.
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: AnswerAccessInterceptor },
      ],
      exports: [ApiKeyStore, Authenticator],
    };
  }
}
