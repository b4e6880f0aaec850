import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what a full collection left alive before collecting
 * again: 20 %. Its own default grows it up to fourfold, and a busy process is never idle long
 * enough for the memory reducer to hand the rest back: after the demo the heap held ~600 MB
 * for ~150 MB alive (RSS ~1 GB). With this setting the demo's RSS stayed at 594-629 MB while
 * seeding (534-565 MB with MALLOC_ARENA_MAX=2, as npm start sets it), and the seeding took no
 * longer (216 s, as before). V8 reads the setting at every collection, so setting it once the
 * process runs takes effect.
 */
const HEAP_GROWING_PERCENT = 20;

export const limitHeapGrowth = (): void =>
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
