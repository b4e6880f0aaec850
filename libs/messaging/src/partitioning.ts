/** A stable partition for a key (FNV-1a), so one aggregate's messages stay in one partition, in order. */
export const partitionFor = (key: string, partitions: number): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
};
