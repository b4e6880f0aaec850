export { given, type DeciderSpecification } from './decider.testing';
