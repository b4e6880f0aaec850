import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Blob, BlobStore } from './blob-store.port';

const KEY = /^[A-Za-z0-9][A-Za-z0-9/_.-]{0,500}$/;

/**
 * Blobs as files under a folder (the embedded default keeps them inside its data folder): each
 * written to a temporary name and renamed into place, so a reader never sees half a file; its
 * content type beside it.
 */
export class FilesystemBlobStore implements BlobStore {
  private readonly root: string;

  constructor(folder: string) {
    this.root = resolve(folder);
  }

  get description(): string {
    return `files under ${this.root}`;
  }

  async put(key: string, { bytes, contentType }: Blob): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.${Date.now()}.partial`;
    await writeFile(temporary, bytes);
    await writeFile(`${path}.type`, contentType);
    await rename(temporary, path);
  }

  async get(key: string): Promise<Blob | undefined> {
    const path = this.pathOf(key);
    try {
      const [bytes, contentType] = await Promise.all([readFile(path), readFile(`${path}.type`, 'utf8')]);
      return { bytes, contentType };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private pathOf(key: string): string {
    if (!KEY.test(key) || key.split('/').includes('..')) throw new Error(`"${key}" is not a blob key`);
    return join(this.root, key);
  }
}
