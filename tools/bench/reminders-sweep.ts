// Runs the reminder sweep of the API's own code (apps/api/src/modules/reminders) against the bench
// database, at the instant given, and prints one JSON line per run. Started by tools/bench/reminders.mjs
// with ts-node (transpile only):  reminders-sweep.ts <now ISO> <runs> [--explain]
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock, ClockModule } from '../../apps/api/src/core/clock/clock';
import { ConfigModule } from '../../apps/api/src/core/config/config.module';
import { loadConfig } from '../../apps/api/src/core/config/load-config';
import { DatabaseModule } from '../../apps/api/src/core/database/database.module';
import { QueueModule } from '../../apps/api/src/core/queue/queue.module';
import {
  CANDIDATE_IDS_SQL,
  candidateParameters,
} from '../../apps/api/src/modules/reminders/reminder-candidates';
import { DocumentExpiriesModule } from '../../apps/api/src/modules/documents/document-expiries.module';
import { ReminderEnqueuer } from '../../apps/api/src/modules/reminders/reminder-enqueuer';
import { ReminderSweepService } from '../../apps/api/src/modules/reminders/reminder-sweep.service';

async function main(): Promise<void> {
  const [nowIso, runsText, flag] = process.argv.slice(2);
  const now = new Date(nowIso);
  const config = loadConfig();

  @Module({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule.forRoot(),
      QueueModule.forRoot('producer'),
      ClockModule,
      DocumentExpiriesModule,
    ],
    providers: [ReminderEnqueuer, ReminderSweepService],
  })
  class BenchSweepModule {}

  const app = await NestFactory.createApplicationContext(BenchSweepModule, {
    logger: false,
  });
  app.get(Clock).now = () => new Date(now);
  try {
    if (flag === '--explain') {
      const dataSource = app.get<DataSource>(getDataSourceToken());
      const plan: Array<{ 'QUERY PLAN': string }> = await dataSource.query(
        `EXPLAIN (ANALYZE, BUFFERS) ${CANDIDATE_IDS_SQL}`,
        candidateParameters(now),
      );
      console.log(JSON.stringify({ plan: plan.map((r) => r['QUERY PLAN']) }));
    }
    for (let i = 0; i < Number(runsText || 1); i++) {
      const result = await app.get(ReminderSweepService).run(now);
      console.log(JSON.stringify(result));
    }
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
