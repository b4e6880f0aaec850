export { Access, CurrentActor, CurrentPrincipal } from './access';
export { generateApiKey } from './api-key-secret';
export { signedHeaders } from './signing/request-signature';
export { LinkTokens } from './signing/link-tokens';
export { SecretSealer } from './signing/secret-sealer';
export {
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
  webhookSignatureOf,
} from './signing/webhook-signature';
export { ApiKeyStore } from './api-key-store';
export { ApiKeysController } from './api-keys.controller';
export { AUTH_DATABASE, AuthModule, type AuthDatabase } from './auth.module';
export { deprecatedBy } from './deprecated-by';
export { placeFor, rememberingProgrammes, RESOURCE_PLACES, type ResourcePlaces } from './places';
export { reportsOnlyAsSelf, visibleTo, type ResourcePlace, type Visible } from './policy';
export { actorOf, systemActor, type Actor, type Principal } from './principal';
