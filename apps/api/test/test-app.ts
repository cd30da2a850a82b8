import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '../src/core/config/app-config';
import { loadConfig } from '../src/core/config/load-config';
import { createApp } from '../src/create-app';
import { WorkerModule } from '../src/worker.module';

/** The settings of this test run (its own database and Redis prefix), with overrides. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({ ...process.env, ...overrides });
}

/** The real HTTP application (Fastify), not listening: call app.inject(). */
export async function createTestApp(
  overrides: Record<string, string> = {},
): Promise<NestFastifyApplication> {
  const app = await createApp(testConfig(overrides));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** The real worker (BullMQ processors) in this process. */
export async function createTestWorker(
  overrides: Record<string, string> = {},
): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(testConfig(overrides)),
    {
      logger: false,
      abortOnError: false,
    },
  );
  await worker.init();
  return worker;
}

/** Polls `probe` every 50 ms until it returns a truthy value or `timeoutMs` passes. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 10000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
