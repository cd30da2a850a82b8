import { Module } from '@nestjs/common';
import { AgendaService } from './agenda.service';
import { EmployerOverviewService } from './employer-overview.service';
import { FirmConsoleController } from './firm-console.controller';

/**
 * The firm's console: the employers overview (counters kept by database triggers in
 * employer_dossier_stats) and the cross-employer deadlines and calendar. AgendaService is also the
 * source of the ICS feeds (modules/calendar-feeds).
 */
@Module({
  controllers: [FirmConsoleController],
  providers: [EmployerOverviewService, AgendaService],
  exports: [AgendaService],
})
export class FirmConsoleModule {}
