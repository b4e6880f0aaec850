export { bootstrapService, createServiceApp, type ServiceDefinition } from './bootstrap';
export {
  attachmentSchemesVariable,
  ConfigError,
  databaseUrlVariable,
  kafkaBrokersVariable,
  loadConfig,
  portVariable,
  serviceEnvironment,
  type ServiceEnvironment,
} from './config';
export { ReadinessRegistry, type ReadinessCheck, type ReadinessReport } from './readiness';
export { SERVICE_CONFIG, ServiceKitModule, type ServiceKitOptions } from './service-kit.module';
export { startTelemetry, telemetry, type Telemetry, type TelemetryOptions } from './telemetry';
export { ProblemDetailsFilter } from './problem-details.filter';
export { toProblem, type ProblemDetails } from './problem-details';
export { ApiJsonBody, ApiOutcomes, openApiSchema } from './openapi';
