import { AuditEventEntity } from '../../modules/audit/entities/audit-event.entity';
import { PasswordResetEntity } from '../../modules/auth/entities/password-reset.entity';
import { SessionEntity } from '../../modules/auth/entities/session.entity';
import { CampaignEntity } from '../../modules/campaigns/entities/campaign.entity';
import { DocumentEntity } from '../../modules/documents/entities/document.entity';
import { DossierEventEntity } from '../../modules/dossiers/entities/dossier-event.entity';
import { DossierEntity } from '../../modules/dossiers/entities/dossier.entity';
import { EmployerEntity } from '../../modules/employers/entities/employer.entity';
import { CalendarFeedEntity } from '../../modules/calendar-feeds/entities/calendar-feed.entity';
import { EmployerDossierStatsEntity } from '../../modules/firm-console/entities/employer-dossier-stats.entity';
import { NoteEntity } from '../../modules/notes/entities/note.entity';
import { InvitationEntity } from '../../modules/invitations/entities/invitation.entity';
import { ReminderOutboxEntity } from '../../modules/reminders/entities/reminder-outbox.entity';
import { ReminderRelanceEntity } from '../../modules/reminders/entities/reminder-relance.entity';
import { ReminderSettingsEntity } from '../../modules/reminders/entities/reminder-settings.entity';
import { WorkerProbeEntity } from '../../modules/system/entities/worker-probe.entity';
import { RecoveryCodeEntity } from '../../modules/users/entities/recovery-code.entity';
import { UserEntity } from '../../modules/users/entities/user.entity';
import { WorkerEntity } from '../../modules/workers/entities/worker.entity';

/** Every TypeORM entity, listed once (bundled code cannot rely on file globs). */
export const ENTITIES = [
  WorkerProbeEntity,
  EmployerEntity,
  UserEntity,
  RecoveryCodeEntity,
  SessionEntity,
  PasswordResetEntity,
  InvitationEntity,
  AuditEventEntity,
  WorkerEntity,
  CampaignEntity,
  DossierEntity,
  DossierEventEntity,
  DocumentEntity,
  ReminderOutboxEntity,
  ReminderSettingsEntity,
  ReminderRelanceEntity,
  EmployerDossierStatsEntity,
  NoteEntity,
  CalendarFeedEntity,
];
