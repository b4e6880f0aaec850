import type { Pool, PoolClient } from 'pg';

/**
 * A `pg` module for TypeORM whose pools are all the service's one pool: TypeORM then shares
 * the connections (and, on the embedded PGlite, the single session) with everything else
 * in the service instead of opening its own. Closing TypeORM leaves the pool to its owner.
 */
export const sharedPoolDriver = (pool: Pool) => {
  const facade = {
    connect: (callback: (error: Error | undefined, client: PoolClient | undefined, release: () => void) => void) =>
      pool.connect((error, client, release) => callback(error ?? undefined, client, release)),
    on: () => facade,
    end: (callback?: (error?: Error) => void) => callback?.(),
  };
  return {
    Pool: function SharedPool() {
      return facade;
    },
  };
};
