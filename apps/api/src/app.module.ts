import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './core/config/app-config';
import { ConfigModule } from './core/config/config.module';
import { DatabaseModule } from './core/database/database.module';
import { LoggingModule } from './core/logging/logging.module';
import { MailModule } from './core/mail/mail.module';
import { QueueModule } from './core/queue/queue.module';
import { ClockModule } from './core/clock/clock';
import { RemindersModule } from './modules/reminders/reminders.module';
import { RedisModule } from './core/redis/redis.module';
import { AuditModule } from './modules/audit/audit.module';
import { AccessModule } from './core/auth/access.module';
import { AccountModule } from './modules/account/account.module';
import { AuthModule } from './modules/auth/auth.module';
import { EmployersModule } from './modules/employers/employers.module';
import { FirmConsoleModule } from './modules/firm-console/firm-console.module';
import { CalendarFeedsModule } from './modules/calendar-feeds/calendar-feeds.module';
import { NotesModule } from './modules/notes/notes.module';
import { AnalyticsModule } from './modules/analytics/analytics.module';
import { InvitationsModule } from './modules/invitations/invitations.module';
import { UsersModule } from './modules/users/users.module';
import { DossiersModule } from './modules/dossiers/dossiers.module';
import { DocumentsModule } from './modules/documents/documents.module';
import { HealthModule } from './modules/health/health.module';
import { ImportsModule } from './modules/imports/imports.module';
import { SystemModule } from './modules/system/system.module';

/** The HTTP API process. Queues are registered as a producer only: no processor runs here. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('api'),
        DatabaseModule.forRoot(),
        QueueModule.forRoot('producer'),
        ClockModule,
        MailModule.forApi(),
        RedisModule,
        AuditModule,
        AccessModule,
        AuthModule,
        AccountModule,
        InvitationsModule,
        UsersModule,
        EmployersModule,
        DossiersModule,
        DocumentsModule,
        FirmConsoleModule,
        CalendarFeedsModule,
        NotesModule,
        AnalyticsModule,
        HealthModule,
        ImportsModule,
        SystemModule.forApi(),
        RemindersModule.forApi(),
      ],
    };
  }
}
