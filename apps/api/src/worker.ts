import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from './core/config/load-config';
import { assertEveryJobHasAHandler } from './core/queue/assert-job-handlers';
import { checkDatabase } from './core/startup/preflight';
import { runOrExit } from './core/startup/run-or-exit';
import { WorkerModule } from './worker.module';

/**
 * The worker process: BullMQ processors (and, later, job schedulers). It never runs migrations.
 * SIGTERM/SIGINT: stop taking jobs, let active ones finish (up to SHUTDOWN_GRACE_SECONDS), then exit.
 */
runOrExit('worker', async () => {
  const config = loadConfig();
  await checkDatabase(config);
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config),
    {
      bufferLogs: true,
      abortOnError: false,
    },
  );
  const logger = app.get(Logger);
  app.useLogger(logger);
  assertEveryJobHasAHandler(app);
  await app.init();
  logger.log(
    `Worker started (concurrency ${config.WORKER_CONCURRENCY})`,
    'Bootstrap',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(
      `${signal} received: draining active jobs, then exiting`,
      'Bootstrap',
    );
    const force = setTimeout(() => {
      logger.error(
        `Active jobs still running after ${config.SHUTDOWN_GRACE_SECONDS} s: exiting anyway`,
        'Bootstrap',
      );
      process.exit(1);
    }, config.SHUTDOWN_GRACE_SECONDS * 1000);
    force.unref();
    await app.close(); // closes every BullMQ worker, waiting for its active jobs
    logger.log('Worker stopped cleanly', 'Bootstrap');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
});
