export {
  bootstrapService,
  corsOptions,
  createServiceApp,
  SHUTDOWN_GRACE_MS,
  type ServiceDefinition,
} from './bootstrap';
export {
  attachmentSchemesVariable,
  ConfigError,
  databaseUrlVariable,
  kafkaBrokersVariable,
  loadConfig,
  portVariable,
  tickIntervalVariable,
  timeOfDayVariable,
  waitVariable,
  serviceEnvironment,
  type ServiceEnvironment,
} from './config';
export { ReadinessRegistry, type ReadinessCheck, type ReadinessReport } from './readiness';
export { SERVICE_CONFIG, ServiceKitModule, type ServiceKitOptions } from './service-kit.module';
export { startTelemetry, telemetry, type Telemetry, type TelemetryOptions } from './telemetry';
export { ProblemDetailsFilter } from './problem-details.filter';
export { toProblem, type ProblemDetails } from './problem-details';
export { ApiOutcomes, openApiSchema, problemResponse, SECURITY_SCHEMES, withSecurity } from './openapi';
export { BODY_LIMITS, JsonBody } from './json-body';
export { MailBody } from './mail-body';
export { RouteNames } from './route-names.interceptor';
export { ValidQuery } from './valid-query';
export { ApiLiveness, ApiReadiness, readinessReport } from './health.controller';
export { documentOperation } from './document-operation';
export { authProblems, authVariables, TOKEN_ALGORITHMS, type AuthEnvironment } from './auth-config';
export { channelVariables } from './channel-config';
export { isPublicRoute, Public, PUBLIC_EXTENSION, PUBLIC_ROUTE } from './public-route';
export { securityHeaders } from './security-headers';
export { answerClientErrors } from './client-errors';
export {
  kafkaSecurity,
  kafkaSecurityVariables,
  type KafkaSecurity,
  type KafkaSecurityEnvironment,
} from './kafka-config';
