import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/moisson',
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: 'moisson',
      SMTP_URL: 'smtp://127.0.0.1:1025',
      MAIL_FROM: 'Moisson <no-reply@moisson.local>',
      LOG_LEVEL: 'info',
      WORKER_CONCURRENCY: 4,
      SHUTDOWN_GRACE_SECONDS: 30,
    });
  });

  it('reads and converts the given values, ignoring unknown variables', () => {
    const config = loadConfig({
      PORT: '8080',
      WORKER_CONCURRENCY: '8',
      DATABASE_URL: 'postgresql://u:p@db:5432/x',
      HOME: '/root',
    });
    expect(config.PORT).toBe(8080);
    expect(config.WORKER_CONCURRENCY).toBe(8);
    expect(config.DATABASE_URL).toBe('postgresql://u:p@db:5432/x');
    expect(config).not.toHaveProperty('HOME');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
  });

  it('keeps documents on local disk, 15 MB at most, unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({
      STORAGE_DRIVER: 'local',
      STORAGE_DIR: '.data/documents',
      S3_FORCE_PATH_STYLE: true,
      DOCUMENT_MAX_BYTES: 15 * 1024 * 1024,
    });
    const s3 = loadConfig({
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'moisson-documents',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_FORCE_PATH_STYLE: 'false',
      DOCUMENT_MAX_BYTES: '1000',
    });
    expect(s3).toMatchObject({
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'moisson-documents',
      S3_FORCE_PATH_STYLE: false,
      DOCUMENT_MAX_BYTES: 1000,
    });
  });

  it.each([
    [
      { STORAGE_DRIVER: 'ftp' },
      /STORAGE_DRIVER got "ftp": STORAGE_DRIVER must be local or s3/,
    ],
    [
      { STORAGE_DRIVER: 's3' },
      /S3_BUCKET not set: S3_BUCKET must be a bucket name .*required when STORAGE_DRIVER=s3/,
    ],
    [{ S3_ENDPOINT: 'minio:9000' }, /S3_ENDPOINT got "minio:9000"/],
    [
      { DOCUMENT_MAX_BYTES: '15MB' },
      /DOCUMENT_MAX_BYTES got "15MB": DOCUMENT_MAX_BYTES must be a whole number of bytes/,
    ],
    [
      { DOCUMENT_MAX_BYTES: '0' },
      /DOCUMENT_MAX_BYTES must be a whole number of bytes/,
    ],
  ])('refuses a bad storage setting %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('takes MAIL_FROM as a bare address or a name and an address', () => {
    expect(loadConfig({ MAIL_FROM: 'no-reply@example.org' }).MAIL_FROM).toBe(
      'no-reply@example.org',
    );
    expect(
      loadConfig({ MAIL_FROM: '"Cabinet Dupont, Avocats" <mail@dupont.fr>' })
        .MAIL_FROM,
    ).toBe('"Cabinet Dupont, Avocats" <mail@dupont.fr>');
  });

  it.each([
    [
      'PORT',
      'eighty',
      /PORT got "eighty": PORT must be a whole number from 0 to 65535/,
    ],
    ['PORT', '70000', /PORT must be a whole number from 0 to 65535/],
    [
      'DATABASE_URL',
      'localhost:5432',
      /DATABASE_URL got "localhost:5432": DATABASE_URL must look like postgres:\/\//,
    ],
    ['REDIS_URL', 'localhost', /REDIS_URL must look like redis:\/\//],
    ['SMTP_URL', 'mail.example.org', /SMTP_URL must look like smtp:\/\//],
    ['MAIL_FROM', 'Moisson', /MAIL_FROM must be an address/],
    [
      'MAIL_FROM',
      'a@example.org, b@example.org',
      /MAIL_FROM must be an address/,
    ],
    [
      'MAIL_FROM',
      'Moisson <a@example.org>\r\nBcc: b@example.org',
      /MAIL_FROM must be an address/,
    ],
    [
      'LOG_LEVEL',
      'verbose',
      /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/,
    ],
    ['NODE_ENV', 'staging', /NODE_ENV must be development, production or test/],
    ['REDIS_PREFIX', 'has space', /REDIS_PREFIX must be 1 to 64 letters/],
    [
      'WORKER_CONCURRENCY',
      '0',
      /WORKER_CONCURRENCY must be a whole number from 1 to 64/,
    ],
  ])(
    'refuses %s=%s with one message naming the variable',
    (name, value, message) => {
      expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
      expect(() => loadConfig({ [name]: value })).toThrow(message);
    },
  );

  it('never repeats a password in its message', () => {
    let message = '';
    try {
      loadConfig({ DATABASE_URL: 'mysql://admin:TopSecret@db/x' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('mysql://admin:***@db/x');
    expect(message).not.toContain('TopSecret');
  });
});
