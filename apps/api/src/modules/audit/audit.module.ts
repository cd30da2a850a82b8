import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActingForEmployerInterceptor } from './acting-for-employer.interceptor';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { AuditEventEntity } from './entities/audit-event.entity';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity])],
  controllers: [AuditController],
  providers: [
    AuditService,
    // Firm staff's writes on an employer's routes are audited in one place.
    { provide: APP_INTERCEPTOR, useClass: ActingForEmployerInterceptor },
  ],
  exports: [AuditService],
})
export class AuditModule {}
