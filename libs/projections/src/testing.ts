export {
  describeProjection,
  type GivenEvent,
  type ProjectionSpec,
  type ProjectionSpecSetup,
} from './projection-spec.testing';
export { onPglite, onServer, type ReadTestDatabase } from './test-databases.testing';
