import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditEventResponse, Page } from '@moisson/contract';
import { RequirePermission } from '../../core/auth/route-access.decorator';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Firm admins browse and filter the log; nothing can change or delete it. */
  @Get()
  @RequirePermission('firm.admin')
  list(@Query() query: AuditQueryDto): Promise<Page<AuditEventResponse>> {
    return this.audit.list(query);
  }
}
