import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './core/config/app-config';
import { ConfigModule } from './core/config/config.module';
import { DatabaseModule } from './core/database/database.module';
import { LoggingModule } from './core/logging/logging.module';
import { MailModule } from './core/mail/mail.module';
import { QueueModule } from './core/queue/queue.module';
import { ClockModule } from './core/clock/clock';
import { RemindersModule } from './modules/reminders/reminders.module';
import { SystemModule } from './modules/system/system.module';

/** The worker process: BullMQ processors and schedulers, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('worker'),
        DatabaseModule.forRoot(),
        QueueModule.forRoot('worker'),
        ClockModule,
        MailModule.forWorker(),
        SystemModule.forWorker(),
        RemindersModule.forWorker(),
      ],
    };
  }
}
