/** Where uploaded files live: behind a small interface so another store (S3, a NAS) can replace the disk one. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface FileStore {
  /** Stores the bytes under a new generated key and returns it. */
  put(bytes: Uint8Array): Promise<string>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{32}$/;

/** Files under DATA_DIR/files/<2 hex>/<32 hex>: generated names, outside the web root, never a user's file name. */
export class DiskFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid storage key ${key}`);
    return path.join(this.root, key);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const name = crypto.randomBytes(16).toString('hex');
    const key = `${name.slice(0, 2)}/${name}`;
    const file = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await fs.promises.writeFile(file, bytes, { flag: 'wx' });
    return key;
  }

  get(key: string): Promise<Buffer> {
    return fs.promises.readFile(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }
}

const stores = new Map<string, FileStore>();

/** The store of a data directory (one instance per directory). */
export function fileStoreFor(dataDir: string): FileStore {
  let store = stores.get(dataDir);
  if (!store) {
    store = new DiskFileStore(path.join(dataDir, 'files'));
    stores.set(dataDir, store);
  }
  return store;
}
