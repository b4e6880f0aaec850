export { Checkpoints, projectionCheckpointsMigration, type ProjectionCheckpoint } from './checkpoints';
export { documentProjection, type DocumentProjectionOptions } from './document-projection';
export { DocumentTable, entityTable, type DocumentTableOptions } from './documents';
export { defineProjection, eventsFor, type Projection } from './projection';
export {
  ProjectionRunner,
  type ProjectionLog,
  type ProjectionRunnerOptions,
  type ProjectionStatus,
  type RebuildReport,
} from './projection-runner';
export { openReadDatabase, type ReadDatabaseOptions } from './read-database';
export { replayPast, type PastReadModel, type PastReplay, type PastReplayOptions } from './past/replay-past';
