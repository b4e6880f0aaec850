/** Where TypeORM gets its connections: a `pg` pool, or anything that hands out clients the same way. */
export interface ConnectionSource {
  connect(callback: (error: Error | undefined, client: unknown, release: () => void) => void): void;
}

/**
 * A `pg` module for TypeORM whose pools are all the given source: TypeORM then shares its
 * connections (and, on the embedded PGlite, the single session) with everything else in the
 * service instead of opening its own. Closing TypeORM leaves the source to its owner.
 */
export const sharedPoolDriver = (source: ConnectionSource) => {
  const facade = {
    connect: (callback: (error: Error | undefined, client: unknown, release: () => void) => void) =>
      source.connect((error, client, release) => callback(error ?? undefined, client, release)),
    on: () => facade,
    end: (callback?: (error?: Error) => void) => callback?.(),
  };
  return {
    Pool: function SharedPool() {
      return facade;
    },
  };
};
