import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DocumentStorage,
  StorageObjectNotFoundError,
  StoredObject,
} from './document-storage';
import { HashingCounter } from './hashing-counter';
import { assertStorageKey, newStorageKey } from './storage-key';

export interface S3StorageOptions {
  bucket: string;
  /** '' = AWS itself. */
  endpoint: string;
  region: string;
  /** Path-style addressing (http://host/bucket/key), for MinIO and most S3-compatible servers. */
  forcePathStyle: boolean;
  /** Both '' = the SDK's default credential chain. */
  accessKeyId: string;
  secretAccessKey: string;
}

/** Objects are sent in parts of this size (the S3 minimum); smaller files go in one PUT. */
const PART_BYTES = 5 * 1024 * 1024;

/**
 * Documents in an S3-compatible bucket (AWS S3, MinIO, Garage, Scaleway...) under the generated
 * key. An upload goes through the SDK's managed upload: one PutObject for a small file, a multipart
 * upload for a large one; a failed or refused stream aborts it, so no object is created.
 */
export class S3Storage extends DocumentStorage {
  readonly driver = 's3' as const;
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3StorageOptions) {
    super();
    this.bucket = options.bucket;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint || undefined,
      forcePathStyle: options.forcePathStyle,
      credentials:
        options.accessKeyId || options.secretAccessKey
          ? {
              accessKeyId: options.accessKeyId,
              secretAccessKey: options.secretAccessKey,
            }
          : undefined,
    });
  }

  async put(source: Readable): Promise<StoredObject> {
    const key = newStorageKey();
    const counter = new HashingCounter();
    const body = new PassThrough();
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentType: 'application/octet-stream',
      },
      partSize: PART_BYTES,
      queueSize: 1,
      leavePartsOnError: false,
    });
    const reading = pipeline(source, counter, body);
    const sending = upload.done();
    // Whichever fails first, the other must not be left dangling (nor its rejection unhandled).
    const outcome = await Promise.allSettled([
      reading.catch((error: unknown) => {
        void upload.abort().catch(() => undefined);
        throw error;
      }),
      sending.catch((error: unknown) => {
        source.destroy(error as Error);
        throw error;
      }),
    ]);
    const failed = outcome.find((result) => result.status === 'rejected');
    if (failed) {
      await this.delete(key).catch(() => undefined);
      throw (failed as PromiseRejectedResult).reason;
    }
    return { key, size: counter.size, sha256: counter.sha256 };
  }

  async stream(key: string): Promise<Readable> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: assertStorageKey(key),
        }),
      );
      return object.Body as Readable;
    } catch (error) {
      if (isNotFound(error)) throw new StorageObjectNotFoundError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({
        Bucket: this.bucket,
        Key: assertStorageKey(key),
      }),
    );
  }

  async has(key: string): Promise<boolean> {
    try {
      await this.client.send(
        new HeadObjectCommand({
          Bucket: this.bucket,
          Key: assertStorageKey(key),
        }),
      );
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  /** Nothing: the bucket's AbortIncompleteMultipartUpload lifecycle rule removes unfinished uploads. */
  removeAbandonedUploads(): Promise<number> {
    return Promise.resolve(0);
  }

  /** Closes the HTTP connections (tests, shutdown). */
  close(): void {
    this.client.destroy();
  }
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return (
    e?.name === 'NoSuchKey' ||
    e?.name === 'NotFound' ||
    e?.$metadata?.httpStatusCode === 404
  );
}
