export { Infrastructure, type InfrastructureSettings } from './infrastructure';
export { contractedStore, eventSource, ServiceRuntime, type ServiceRuntimeOptions } from './service-runtime';
export { RuntimeModule, type RuntimeModuleOptions } from './runtime.module';
export { CLOCK } from './tokens';
export { commandMetadata } from './command-metadata';
export { CorrelationId, IdempotencyKey } from './request-headers';
export { ReadModel, type ReadModelOptions } from './read-model';
export { PeriodicWork } from './periodic-work';
export { Ticker } from './ticker';
