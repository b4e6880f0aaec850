import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blobStoreContract } from './blob-store.contract';
import { FilesystemBlobStore } from './filesystem-blob-store';

describe('the filesystem blob store', () => {
  const store = new FilesystemBlobStore(mkdtempSync(join(tmpdir(), 'blobs-')));

  blobStoreContract(() => store);

  it('refuses a key that would leave its folder', async () => {
    await expect(
      store.put('../outside', { bytes: Buffer.from('x'), contentType: 'text/plain' }),
    ).rejects.toThrow(/is not a blob key/);
  });
});
