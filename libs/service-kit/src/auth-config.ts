import { z } from 'zod';
import { databaseUrlVariable } from './variables';

/** Signature algorithms a bearer token may use: asymmetric only, so a public key can never sign. */
export const TOKEN_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;

const list = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

/** How callers are authenticated: the same variables in every service and in the all-in-one process. */
export const authVariables = {
  /** `off` only for local experiments: every caller is an anonymous platform admin. */
  HYPERCARE_AUTH: z.enum(['on', 'off']).default('on'),
  /** Where API keys are kept: one database every service reaches (default DATABASE_URL). */
  AUTH_DATABASE_URL: databaseUrlVariable.optional(),
  /** An API key (hck_...) kept as a platform admin key at start: a deployment's first admin. */
  HYPERCARE_ADMIN_API_KEY: z
    .string()
    .regex(
      /^hck_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/,
      'must be an API key as the platform makes them: hck_<16>_<43>',
    )
    .optional(),
  /** Seals the signing secrets of API keys; every service sharing the key store needs the same value. */
  HYPERCARE_SIGNING_KEY: z
    .string()
    .min(32, 'must be at least 32 characters of randomness, e.g. the output of openssl rand -hex 32')
    .optional(),
  OIDC_ISSUER: z.string().url('must be the identity provider issuer URL').optional(),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  OIDC_ROLES_CLAIM: z
    .string()
    .regex(/^[A-Za-z0-9_:/-]+(\.[A-Za-z0-9_:/-]+)*$/, 'must be a claim name or dotted path')
    .default('roles'),
  OIDC_ALGORITHMS: list
    .pipe(
      z
        .array(
          z.enum(TOKEN_ALGORITHMS, {
            message: `must list asymmetric algorithms only (${TOKEN_ALGORITHMS.join(', ')})`,
          }),
        )
        .min(1),
    )
    .default('RS256,PS256,ES256,EdDSA'),
  OIDC_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  OIDC_JWKS_COOLDOWN_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
  /** Requests one principal may make per window, across every route of every service. */
  RATE_LIMIT_PER_PRINCIPAL: z.coerce.number().int().min(1).default(1_000),
  /** Requests one source address may make per window. */
  RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(2_000),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  /** Web origins whose pages may call the APIs from a browser (CORS); none unless listed. */
  CORS_ORIGINS: list
    .pipe(z.array(z.string().url('must list origins such as https://console.example.com')))
    .default(''),
};

export type AuthEnvironment = z.infer<z.ZodObject<typeof authVariables>>;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** What no single variable shows: settings that are each valid but wrong together. */
export const authProblems = (config: AuthEnvironment & { HOST: string }): string[] => [
  ...(config.HYPERCARE_AUTH === 'off' && !LOOPBACK.has(config.HOST)
    ? [
        `HYPERCARE_AUTH=off is for local experiments only: HOST must be a loopback address (127.0.0.1, ::1), not ${config.HOST}`,
      ]
    : []),
  ...(config.OIDC_ISSUER && !config.OIDC_AUDIENCE
    ? ['OIDC_AUDIENCE is required with OIDC_ISSUER: the audience tokens must be issued for']
    : []),
  ...(config.OIDC_AUDIENCE && !config.OIDC_ISSUER ? ['OIDC_AUDIENCE has no effect without OIDC_ISSUER'] : []),
];
