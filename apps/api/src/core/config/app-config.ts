import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

const PORT_RULE =
  'PORT must be a whole number from 0 to 65535 (0 picks any free port)';
const CONCURRENCY_RULE =
  'WORKER_CONCURRENCY must be a whole number from 1 to 64';
const GRACE_RULE =
  'SHUTDOWN_GRACE_SECONDS must be a whole number from 1 to 600';

const DOCUMENT_BYTES_RULE =
  'DOCUMENT_MAX_BYTES must be a whole number of bytes from 1 to 104857600 (100 MB)';
const IDLE_RULE = 'SESSION_IDLE_MINUTES must be a whole number from 1 to 1440';
const ABSOLUTE_RULE =
  'SESSION_ABSOLUTE_HOURS must be a whole number from 1 to 168';
const SESSION_CACHE_RULE =
  'SESSION_CACHE_SECONDS must be a whole number from 0 to 60';
/** Only for development and tests: production refuses to start with it. */
export const DEV_APP_SECRET =
  'dev-only-secret-do-not-use-in-production-0123456789';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

/**
 * Every setting of the API and the worker, validated once at boot.
 * No other file reads process.env: inject AppConfig instead.
 * README.md lists each variable with its default and meaning.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'], {
    message: 'NODE_ENV must be development, production or test',
  })
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt({ message: PORT_RULE })
  @Min(0, { message: PORT_RULE })
  @Max(65535, { message: PORT_RULE })
  PORT = 3000;

  /** Address the HTTP server binds to. */
  @IsString()
  @IsNotEmpty()
  HOST = '0.0.0.0';

  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, {
    message:
      'DATABASE_URL must look like postgres://user:password@host:5432/database',
  })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/moisson';

  @Matches(/^rediss?:\/\/[^\s]+$/, {
    message:
      'REDIS_URL must look like redis://host:6379 (or rediss:// for TLS)',
  })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key of this instance; lets several instances or test runs share one Redis. */
  @Matches(/^[A-Za-z0-9:_-]{1,64}$/, {
    message: 'REDIS_PREFIX must be 1 to 64 letters, digits, ":", "_" or "-"',
  })
  REDIS_PREFIX = 'moisson';

  @Matches(/^smtps?:\/\/[^\s]+$/, {
    message:
      'SMTP_URL must look like smtp://user:password@host:587 (or smtps:// for TLS)',
  })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  /** Sender of every e-mail: an address, or a display name and an address in angle brackets. */
  @Matches(
    /^(?:[^<>\r\n]*[^<>\s] <[^\s<>@,;]+@[^\s<>@,;]+\.[^\s<>@,;]+>|[^\s<>@,;"]+@[^\s<>@,;"]+\.[^\s<>@,;"]+)$/,
    {
      message:
        'MAIL_FROM must be an address such as no-reply@example.org, or a name and an address: Moisson <no-reply@example.org>',
    },
  )
  MAIL_FROM = 'Moisson <no-reply@moisson.local>';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message:
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL:
    | 'fatal'
    | 'error'
    | 'warn'
    | 'info'
    | 'debug'
    | 'trace'
    | 'silent' = 'info';

  /** Folder of the built web app the API serves in production ('' = do not serve it). */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  /** Jobs one worker process runs at once, per queue. */
  @Transform(toInt)
  @IsInt({ message: CONCURRENCY_RULE })
  @Min(1, { message: CONCURRENCY_RULE })
  @Max(64, { message: CONCURRENCY_RULE })
  WORKER_CONCURRENCY = 4;

  /** Seconds the worker waits for active jobs on SIGTERM before it gives up. */
  @Transform(toInt)
  @IsInt({ message: GRACE_RULE })
  @Min(1, { message: GRACE_RULE })
  @Max(600, { message: GRACE_RULE })
  SHUTDOWN_GRACE_SECONDS = 30;

  /** Version shown in the footer and /api/health (set by the build or the launcher). */
  @IsString()
  APP_VERSION = '0.0.0-dev';

  /**
   * Secret that encrypts two-factor secrets at rest (at least 32 characters). The development default
   * is refused when NODE_ENV=production (see loadConfig).
   */
  @MinLength(32, {
    message:
      'APP_SECRET must be at least 32 characters (e.g. openssl rand -base64 48)',
  })
  APP_SECRET = DEV_APP_SECRET;

  /** Address of the portal as users reach it: links in e-mails (invitations, password resets). */
  @Matches(/^https?:\/\/[^\s/]+(:\d+)?(\/[^\s]*)?$/, {
    message:
      'PUBLIC_URL must look like https://moisson.example.fr (no trailing spaces)',
  })
  PUBLIC_URL = 'http://localhost:3000';

  /**
   * Trust X-Forwarded-For from the proxy in front of the API (true behind a reverse proxy or load
   * balancer). Off by default: a client could otherwise choose the IP address the sign-in lockout counts.
   */
  @Transform(({ value }) =>
    value === undefined || value === ''
      ? undefined
      : value === 'true' || value === true,
  )
  @IsBoolean({ message: 'TRUST_PROXY must be true or false' })
  TRUST_PROXY = false;

  /** A session ends after this many minutes without a request. */
  @Transform(toInt)
  @IsInt({ message: IDLE_RULE })
  @Min(1, { message: IDLE_RULE })
  @Max(1440, { message: IDLE_RULE })
  SESSION_IDLE_MINUTES = 30;

  /** A session ends this many hours after sign-in, however active. */
  @Transform(toInt)
  @IsInt({ message: ABSOLUTE_RULE })
  @Min(1, { message: ABSOLUTE_RULE })
  @Max(168, { message: ABSOLUTE_RULE })
  SESSION_ABSOLUTE_HOURS = 12;

  /**
   * A signed-in GET may reuse the session read by an earlier GET of the same session for this many
   * seconds (0: read it every time). Changes made through this process (sign-out, revocations, role
   * changes) drop it at once; another API process sees them within this delay. Any other method
   * always reads the session.
   */
  @Transform(toInt)
  @IsInt({ message: SESSION_CACHE_RULE })
  @Min(0, { message: SESSION_CACHE_RULE })
  @Max(60, { message: SESSION_CACHE_RULE })
  SESSION_CACHE_SECONDS = 5;

  /** Where document files are kept: `local` (a folder, STORAGE_DIR) or `s3` (an S3-compatible bucket). */
  @IsIn(['local', 's3'], { message: 'STORAGE_DRIVER must be local or s3' })
  STORAGE_DRIVER: 'local' | 's3' = 'local';

  /** Folder of the local driver (relative paths start at the working directory). */
  @IsString()
  @IsNotEmpty()
  STORAGE_DIR = '.data/documents';

  /** S3 endpoint, e.g. http://127.0.0.1:9000 for MinIO ('' = AWS itself). */
  @ValidateIf((config: AppConfig) => config.S3_ENDPOINT !== '')
  @Matches(/^https?:\/\/[^\s/]+(:\d+)?\/?$/, {
    message:
      'S3_ENDPOINT must look like https://s3.example.org or http://127.0.0.1:9000',
  })
  S3_ENDPOINT = '';

  @Matches(/^[a-z0-9-]{2,32}$/, {
    message: 'S3_REGION must be a region name such as eu-west-3 or us-east-1',
  })
  S3_REGION = 'us-east-1';

  /** Required when STORAGE_DRIVER=s3. */
  @ValidateIf((config: AppConfig) => config.STORAGE_DRIVER === 's3')
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message:
      'S3_BUCKET must be a bucket name of 3 to 63 lower-case letters, digits, dots or hyphens (required when STORAGE_DRIVER=s3)',
  })
  S3_BUCKET = '';

  /** With S3_SECRET_ACCESS_KEY; both '' = the SDK's usual credential chain (environment, instance role). */
  @IsString()
  S3_ACCESS_KEY_ID = '';

  @IsString()
  S3_SECRET_ACCESS_KEY = '';

  /** Path-style addressing (http://host/bucket/key), needed by MinIO and most S3-compatible servers. */
  @Transform(({ value }) =>
    value === undefined || value === ''
      ? undefined
      : value === 'true' || value === true,
  )
  @IsBoolean({ message: 'S3_FORCE_PATH_STYLE must be true or false' })
  S3_FORCE_PATH_STYLE = true;

  /** Largest document accepted, in bytes (15 MB by default). */
  @Transform(toInt)
  @IsInt({ message: DOCUMENT_BYTES_RULE })
  @Min(1, { message: DOCUMENT_BYTES_RULE })
  @Max(100 * 1024 * 1024, { message: DOCUMENT_BYTES_RULE })
  DOCUMENT_MAX_BYTES = 15 * 1024 * 1024; // DOCUMENT_DEFAULT_MAX_BYTES of the contract (not imported: test set-up loads this file without path aliases)
}
