import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentExpiriesModule } from '../documents/document-expiries.module';
import { ReminderSettingsEntity } from './entities/reminder-settings.entity';
import { FirmRemindersController } from './firm-reminders.controller';
import { ReminderSendProcessor } from './jobs/reminder-send.processor';
import { ReminderSweepProcessor } from './jobs/reminder-sweep.processor';
import { RelanceController } from './relance.controller';
import { RelanceService } from './relance.service';
import { ReminderDeliveryService } from './reminder-delivery.service';
import { ReminderEnqueuer } from './reminder-enqueuer';
import { ReminderOutboxService } from './reminder-outbox.service';
import { ReminderSettingsService } from './reminder-settings.service';
import { ReminderSweepService } from './reminder-sweep.service';
import { RemindersController } from './reminders.controller';

/**
 * Reminders: the API reads the outbox and settings and queues sweeps; the worker sweeps (hourly job
 * scheduler and on demand) and sends. Needs the global Clock (ClockModule) in both processes.
 */
@Module({})
export class RemindersModule {
  static forApi(): DynamicModule {
    return {
      module: RemindersModule,
      imports: [TypeOrmModule.forFeature([ReminderSettingsEntity])],
      controllers: [
        RemindersController,
        FirmRemindersController,
        RelanceController,
      ],
      providers: [
        ReminderOutboxService,
        ReminderSettingsService,
        ReminderEnqueuer,
        RelanceService,
      ],
    };
  }

  static forWorker(): DynamicModule {
    return {
      module: RemindersModule,
      imports: [DocumentExpiriesModule],
      providers: [
        ReminderEnqueuer,
        ReminderSweepService,
        RelanceService,
        ReminderDeliveryService,
        ReminderSweepProcessor,
        ReminderSendProcessor,
      ],
      exports: [ReminderSweepService],
    };
  }
}
