import { randomUUID } from 'node:crypto';
import type { BlobStore } from './blob-store.port';

/**
 * What every blob store must do, run against each adapter: bytes come back as they went in,
 * with their content type; an absent key is undefined, not an error; writing a key again with
 * the same bytes is harmless; binary bytes survive.
 */
export const blobStoreContract = (store: () => BlobStore): void => {
  it('gives back the bytes and the content type it was given', async () => {
    const key = `attachments/${randomUUID()}/report.pdf`;
    await store().put(key, { bytes: Buffer.from('%PDF-1.7 hello'), contentType: 'application/pdf' });
    expect(await store().get(key)).toEqual({
      bytes: Buffer.from('%PDF-1.7 hello'),
      contentType: 'application/pdf',
    });
  });

  it('answers undefined for a key it does not hold', async () => {
    expect(await store().get(`attachments/${randomUUID()}/none`)).toBeUndefined();
  });

  it('takes the same key again, keeping the bytes whole, every byte value included', async () => {
    const key = `attachments/${randomUUID()}/all-bytes`;
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, value) => value));
    await store().put(key, { bytes, contentType: 'application/octet-stream' });
    await store().put(key, { bytes, contentType: 'application/octet-stream' });
    expect((await store().get(key))?.bytes.equals(bytes)).toBe(true);
  });
};
