import {
  ListObjectsV2Command,
  S3Client,
  CreateBucketCommand,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import {
  mkdir,
  mkdtemp,
  readdir,
  rm,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  DocumentStorage,
  StorageObjectNotFoundError,
} from './document-storage';
import { LocalDiskStorage } from './local-disk.storage';
import { S3Storage } from './s3.storage';

/*
 * One contract, two drivers. The S3 driver runs against s3rver (npm), an S3-compatible server this
 * test starts on 127.0.0.1 with its data in a temporary folder: it runs on Node 20 here and speaks
 * enough of the protocol (PutObject, multipart upload, GetObject, HeadObject, DeleteObject,
 * ListObjectsV2) for the SDK's managed upload, path-style as with MinIO.
 */

// The SDK warns once that its releases after January 2027 need Node 22: true, and not this test's news.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

const S3rver = require('s3rver') as new (options: object) => {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
};

interface Harness {
  storage: DocumentStorage;
  /** Every object or file the store holds, temporary ones included. */
  listAll(): Promise<string[]>;
  stop(): Promise<void>;
}

async function localHarness(): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'moisson-storage-'));
  return {
    storage: new LocalDiskStorage(dir),
    listAll: async () =>
      (await readdir(dir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) =>
          join(entry.parentPath, entry.name).slice(dir.length + 1),
        ),
    stop: () => rm(dir, { recursive: true, force: true }),
  };
}

async function s3Harness(): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'moisson-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
  });
  const { port } = await server.run();
  const options = {
    bucket: 'moisson-documents',
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    forcePathStyle: true,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
  };
  const admin = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  await admin.send(new CreateBucketCommand({ Bucket: options.bucket }));
  const storage = new S3Storage(options);
  return {
    storage,
    listAll: async () => {
      const listed = await admin.send(
        new ListObjectsV2Command({ Bucket: options.bucket }),
      );
      return (listed.Contents ?? []).map((object) => object.Key ?? '');
    },
    stop: async () => {
      storage.close();
      admin.destroy();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Yields `bytes` in chunks, then fails as a dropped connection does. */
async function* cutAfter(bytes: Buffer): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += 64 * 1024)
    yield bytes.subarray(offset, offset + 64 * 1024);
  throw new Error('connection reset by peer');
}

describe.each([
  ['local disk', localHarness],
  ['S3 (s3rver on loopback)', s3Harness],
])('DocumentStorage contract: %s', (_name, start) => {
  let harness: Harness;
  let storage: DocumentStorage;

  beforeAll(async () => {
    harness = await start();
    storage = harness.storage;
  });
  afterAll(() => harness?.stop());

  it('stores a small file under a generated key and gives the same bytes back', async () => {
    const bytes = Buffer.from('%PDF-1.7 a small file\n');
    const stored = await storage.put(Readable.from([bytes]));
    expect(stored).toEqual({
      key: expect.stringMatching(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/),
      size: bytes.length,
      sha256: sha256(bytes),
    });
    expect(await readAll(await storage.stream(stored.key))).toEqual(bytes);
    expect(await storage.has(stored.key)).toBe(true);
  });

  it('streams a file larger than one S3 part (7 MB) without changing a byte', async () => {
    const bytes = Buffer.alloc(7 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 4096) bytes.writeUInt32BE(i, i);
    const chunks = [];
    for (let offset = 0; offset < bytes.length; offset += 100_000)
      chunks.push(bytes.subarray(offset, offset + 100_000));
    const stored = await storage.put(Readable.from(chunks));
    expect(stored.size).toBe(bytes.length);
    expect(stored.sha256).toBe(sha256(bytes));
    const back = await readAll(await storage.stream(stored.key));
    expect(sha256(back)).toBe(stored.sha256);
  });

  it('gives every put its own key', async () => {
    const a = await storage.put(Readable.from([Buffer.from('same')]));
    const b = await storage.put(Readable.from([Buffer.from('same')]));
    expect(a.key).not.toBe(b.key);
    expect(a.sha256).toBe(b.sha256);
  });

  it('leaves nothing behind when the stream fails half-way, small or large', async () => {
    const before = await harness.listAll();
    await expect(
      storage.put(Readable.from(cutAfter(Buffer.alloc(200_000, 7)))),
    ).rejects.toThrow('connection reset by peer');
    await expect(
      storage.put(Readable.from(cutAfter(Buffer.alloc(6 * 1024 * 1024, 9)))),
    ).rejects.toThrow('connection reset by peer');
    expect(await harness.listAll()).toEqual(before);
  });

  it('leaves nothing behind when the stream fails before its first byte', async () => {
    const before = await harness.listAll();
    const failing = new Readable({
      read() {
        this.destroy(new Error('refused at once'));
      },
    });
    await expect(storage.put(failing)).rejects.toThrow('refused at once');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await harness.listAll()).toEqual(before);
  });

  it('deletes, and deleting twice is not an error', async () => {
    const stored = await storage.put(Readable.from([Buffer.from('to delete')]));
    await storage.delete(stored.key);
    await storage.delete(stored.key);
    expect(await storage.has(stored.key)).toBe(false);
    expect(await harness.listAll()).not.toContain(stored.key);
  });

  it('answers StorageObjectNotFoundError for a key it does not hold', async () => {
    const stored = await storage.put(Readable.from([Buffer.from('x')]));
    await storage.delete(stored.key);
    await expect(storage.stream(stored.key)).rejects.toBeInstanceOf(
      StorageObjectNotFoundError,
    );
  });

  it.each(['../../etc/passwd', 'ab/../../x', 'permis de travail.pdf', ''])(
    'refuses a key it could not have made: %j',
    async (key) => {
      await expect(storage.stream(key)).rejects.toThrow(/Not a storage key/);
      await expect(storage.delete(key)).rejects.toThrow(/Not a storage key/);
    },
  );
});

describe('LocalDiskStorage after a crash', () => {
  it('removes the .part files an interrupted process left more than a day ago, and only those', async () => {
    const { storage, listAll, stop } = await localHarness();
    try {
      const kept = await storage.put(Readable.from([Buffer.from('kept')]));
      const incoming = join(
        (storage as unknown as { root: string }).root,
        '.incoming',
      );
      await mkdir(incoming, { recursive: true });
      const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
      for (const name of ['crashed.part', 'receiving.part', 'note.txt'])
        await writeFile(join(incoming, name), 'x');
      await utimes(join(incoming, 'crashed.part'), twoDaysAgo, twoDaysAgo);
      await utimes(join(incoming, 'note.txt'), twoDaysAgo, twoDaysAgo);
      const removed = await storage.removeAbandonedUploads(
        new Date(Date.now() - 24 * 3600 * 1000),
      );
      expect(removed).toBe(1);
      expect((await listAll()).sort()).toEqual(
        [kept.key, '.incoming/note.txt', '.incoming/receiving.part'].sort(),
      );
    } finally {
      await stop();
    }
  });
});
