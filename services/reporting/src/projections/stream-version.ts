/**
 * The version of a document's stream after `event`: the one its publisher gave it, as it
 * travelled with it, or else one past the document's (0 for a new one).
 */
export const streamVersionAfter = (
  event: { metadata: Record<string, unknown> },
  existing: { version: number } | undefined,
): number => {
  const given = event.metadata['streamVersion'];
  if (typeof given === 'number') return given;
  return existing ? existing.version + 1 : 0;
};
