export { Infrastructure, type InfrastructureSettings } from './infrastructure';
export { contractedStore, eventSource, ServiceRuntime, type ServiceRuntimeOptions } from './service-runtime';
export { RuntimeModule, type RuntimeModuleOptions } from './runtime.module';
export { CLOCK } from './tokens';
export { commandMetadata, CORRELATION_HEADER } from './command-metadata';
export { ReadModel, type ReadModelOptions } from './read-model';
