export {
  Access,
  ACCESS_EXTENSION,
  CurrentActor,
  CurrentPrincipal,
  type AccessScope,
  type AuthenticatedRequest,
} from './access';
export { generateApiKey, parseApiKey } from './api-key-secret';
export { ApiKeyStore, type ApiKeyRecord, type NewApiKey } from './api-key-store';
export { ApiKeysController } from './api-keys.controller';
export { AUTH_DATABASE, AuthModule, type AuthDatabase } from './auth.module';
export { Authenticator, LOCAL_EXPERIMENTER } from './authenticator';
export { formatGrant, grantText, ROLES, type Grant, type Role, type Scope } from './grants';
export { OidcVerifier, type OidcSettings } from './oidc-verifier';
export { actorOf, systemActor, type Actor, type Principal } from './principal';
export { Unauthenticated } from './unauthenticated';
export { deprecatedBy } from './deprecated-by';
export { RESOURCE_PLACES, type ResourcePlaces } from './places';
export {
  allows,
  PERMISSIONS,
  reportsOnlyAsSelf,
  ROLE_PERMISSIONS,
  visiblePeriods,
  type Permission,
  type ResourcePlace,
} from './policy';
