export {
  describeProjection,
  type GivenEvent,
  type ProjectionSpec,
  type ProjectionSpecSetup,
} from './projection-spec.testing';
