import type { DataSource } from 'typeorm';

/** Where a view reads and what time it takes for now: the live read model, or one replayed to a past moment. */
export interface Moment {
  dataSource: DataSource;
  now: Date;
}
