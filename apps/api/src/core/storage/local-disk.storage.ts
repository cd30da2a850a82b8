import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DocumentStorage,
  StorageObjectNotFoundError,
  StoredObject,
} from './document-storage';
import { HashingCounter } from './hashing-counter';
import { assertStorageKey, newStorageKey } from './storage-key';

/** Files still being received; a file only leaves this folder, by rename, once complete. */
const INCOMING = '.incoming';

/**
 * Documents as files under one folder (STORAGE_DIR): `<dir>/<ab>/<uuid>`, owner-only permissions.
 * An upload is written to `<dir>/.incoming/<random>.part` and renamed into place only when the
 * whole stream has arrived, so a cut upload or a refused file leaves nothing behind.
 */
export class LocalDiskStorage extends DocumentStorage {
  readonly driver = 'local' as const;
  private readonly root: string;

  constructor(directory: string) {
    super();
    this.root = resolve(directory);
  }

  async put(source: Readable): Promise<StoredObject> {
    const incoming = join(this.root, INCOMING);
    await mkdir(incoming, { recursive: true, mode: 0o700 });
    const partial = join(incoming, `${randomUUID()}.part`);
    const counter = new HashingCounter();
    const out = createWriteStream(partial, {
      flags: 'wx',
      mode: 0o600,
      flush: true,
    });
    try {
      await pipeline(source, counter, out);
      const key = newStorageKey();
      await mkdir(join(this.root, key.slice(0, 2)), {
        recursive: true,
        mode: 0o700,
      });
      await rename(partial, this.path(key));
      return { key, size: counter.size, sha256: counter.sha256 };
    } catch (error) {
      // A stream that failed early may still be opening its file: remove it once it is closed.
      if (!out.closed)
        await new Promise<void>((resolve) =>
          out.once('close', () => resolve()),
        );
      await rm(partial, { force: true });
      throw error;
    }
  }

  async stream(key: string): Promise<Readable> {
    try {
      const handle = await open(this.path(key), 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new StorageObjectNotFoundError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async removeAbandonedUploads(olderThan: Date): Promise<number> {
    const incoming = join(this.root, INCOMING);
    let names: string[];
    try {
      names = await readdir(incoming);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names.filter((n) => n.endsWith('.part'))) {
      const path = join(incoming, name);
      const written = await stat(path).catch(() => null);
      if (written && written.mtime < olderThan) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }

  async has(key: string): Promise<boolean> {
    try {
      return (await stat(this.path(key))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  private path(key: string): string {
    return join(this.root, assertStorageKey(key));
  }
}
