import {
  Global,
  Inject,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DocumentStorage } from './document-storage';
import { LocalDiskStorage } from './local-disk.storage';
import { S3Storage } from './s3.storage';

/** An upload still being written after a day is one whose process died (requests time out long before). */
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 6 * 60 * 60 * 1000;

/** The store STORAGE_DRIVER names, built from the validated configuration. */
export function createDocumentStorage(config: AppConfig): DocumentStorage {
  if (config.STORAGE_DRIVER === 's3')
    return new S3Storage({
      bucket: config.S3_BUCKET,
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    });
  return new LocalDiskStorage(config.STORAGE_DIR);
}

/** Provides `DocumentStorage` (inject the abstract class). */
@Global()
@Module({
  providers: [
    {
      provide: DocumentStorage,
      inject: [AppConfig],
      useFactory: createDocumentStorage,
    },
  ],
  exports: [DocumentStorage],
})
export class StorageModule
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger(StorageModule.name);
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    @Inject(DocumentStorage) private readonly storage: DocumentStorage,
  ) {}

  /** At start and every few hours, without holding the start up: what crashed uploads left. */
  onApplicationBootstrap(): void {
    void this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    if (this.storage instanceof S3Storage) this.storage.close();
  }

  private async sweep(): Promise<void> {
    try {
      const removed = await this.storage.removeAbandonedUploads(
        new Date(Date.now() - ABANDONED_AFTER_MS),
      );
      if (removed > 0)
        this.logger.warn(
          `Removed ${removed} upload(s) left unfinished by a crash`,
        );
    } catch (error) {
      this.logger.error(`Could not sweep abandoned uploads: ${String(error)}`);
    }
  }
}
