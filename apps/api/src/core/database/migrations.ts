import { Init1795703713187 } from '../../database/migrations/1795703713187-Init';
import { Accounts1795705205452 } from '../../database/migrations/1795705205452-Accounts';
import { Dossiers1795706473206 } from '../../database/migrations/1795706473206-Dossiers';
import { BenchIndexes1795708239972 } from '../../database/migrations/1795708239972-BenchIndexes';
import { Reminders1795712501359 } from '../../database/migrations/1795712501359-Reminders';
import { Documents1795713185756 } from '../../database/migrations/1795713185756-Documents';
import { FirmConsole1795713265857 } from '../../database/migrations/1795713265857-FirmConsole';
import { WorkerFullNameSearch1795715033026 } from '../../database/migrations/1795715033026-WorkerFullNameSearch';
import { ReminderImplicitRefusals1795715684806 } from '../../database/migrations/1795715684806-ReminderImplicitRefusals';
import { RelancePerDigest1795717618978 } from '../../database/migrations/1795717618978-RelancePerDigest';

/** Every migration, in order, listed once (bundled code cannot rely on file globs). */
export const MIGRATIONS: Array<new () => unknown> = [
  Init1795703713187,
  Accounts1795705205452,
  Dossiers1795706473206,
  BenchIndexes1795708239972,
  Reminders1795712501359,
  Documents1795713185756,
  FirmConsole1795713265857,
  WorkerFullNameSearch1795715033026,
  ReminderImplicitRefusals1795715684806,
  RelancePerDigest1795717618978,
];
