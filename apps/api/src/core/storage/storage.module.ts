import { Global, Module, OnApplicationShutdown, Inject } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DocumentStorage } from './document-storage';
import { LocalDiskStorage } from './local-disk.storage';
import { S3Storage } from './s3.storage';

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
export class StorageModule implements OnApplicationShutdown {
  constructor(
    @Inject(DocumentStorage) private readonly storage: DocumentStorage,
  ) {}

  onApplicationShutdown(): void {
    if (this.storage instanceof S3Storage) this.storage.close();
  }
}
