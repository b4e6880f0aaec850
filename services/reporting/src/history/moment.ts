import type { DataSource } from 'typeorm';
import type { ExitEvent } from '../exit/exit.decider';

/**
 * A past moment a view reads: the read model replayed to it, its time taken for now, and the
 * exit streams of the periods it shows, read before the replay took the connection.
 */
export interface Moment {
  dataSource: DataSource;
  now: Date;
  exitStreams: ReadonlyMap<string, readonly ExitEvent[]>;
}
