/** A stored file's bytes and what they are. */
export interface Blob {
  bytes: Buffer;
  contentType: string;
}

/**
 * Where attachments' bytes are kept, by key. A key is written once: putting it again with the
 * same bytes changes nothing (keys are content digests), so a retried upload is harmless.
 */
export interface BlobStore {
  /** Names where blobs go, for logs and the start-up banner. */
  readonly description: string;
  put(key: string, blob: Blob): Promise<void>;
  /** The blob under a key; undefined when there is none. */
  get(key: string): Promise<Blob | undefined>;
}

export const BLOB_STORE = Symbol('BLOB_STORE');
