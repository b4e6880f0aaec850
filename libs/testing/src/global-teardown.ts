type Stopper = () => Promise<void>;

/** Stops whatever the global setup started with Testcontainers; launcher services stay up for reuse. */
export default async function globalTeardown(): Promise<void> {
  const stoppers = (globalThis as { __hypercareStoppers?: Stopper[] }).__hypercareStoppers ?? [];
  await Promise.all(stoppers.splice(0).map((stop) => stop()));
}
