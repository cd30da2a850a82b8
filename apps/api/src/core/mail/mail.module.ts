import { DynamicModule, Module } from '@nestjs/common';
import { MailProcessor } from './mail.processor';
import { MailService } from './mail.service';
import { MailTransport } from './mail-transport';

/**
 * E-mail: MailService queues (API and worker), MailProcessor renders and sends (worker only)
 * through MailTransport, the worker's one SMTP transport (the reminders send through it too).
 * Global, like the queues, so any feature module can inject MailService.
 */
@Module({})
export class MailModule {
  static forApi(): DynamicModule {
    return {
      module: MailModule,
      global: true,
      providers: [MailService],
      exports: [MailService],
    };
  }

  static forWorker(): DynamicModule {
    return {
      module: MailModule,
      global: true,
      providers: [MailService, MailTransport, MailProcessor],
      exports: [MailService, MailTransport],
    };
  }
}
