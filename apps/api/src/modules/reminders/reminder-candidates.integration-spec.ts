import {
  addDays,
  DEFAULT_REMINDER_SETTINGS,
  parisToday,
  parisWallClockInstant,
  remindersDue,
} from '@moisson/domain';
import { seedDemoHires } from '../../database/seeds/seed-demo-hires';
import { EmployerEntity } from '../employers/entities/employer.entity';
import { closeDb, createEmployer, db } from '../../../test/fixtures';
import { candidateIds, loadCandidates, subjectOf } from './reminder-candidates';

/**
 * The SQL preselection must never miss a dossier the rules would remind about: the demo hires
 * (every stage of the procedure, dates relative to the day they are written) are written as of
 * 120 days ago, then swept on many days since; on each, every dossier with a reminder due must be
 * among the candidates the indexes return.
 */
describe('reminder candidates (SQL windows) against the rules', () => {
  const realToday = parisToday(new Date());
  const seededOn = addDays(realToday, -120);
  let ids: string[] = [];

  beforeAll(async () => {
    const source = await db();
    const employers = new Map<string, EmployerEntity>([
      ['marmandais', await createEmployer('Candidats Marmandais')],
      ['durance', await createEmployer('Candidats Durance')],
    ]);
    await source.transaction((m) =>
      seedDemoHires(
        m,
        employers,
        { owners: new Map(), firmStaff: { id: null, name: 'Test' } },
        seededOn,
      ),
    );
    ids = (
      await source.query(
        `SELECT id FROM dossier WHERE employer_id = ANY($1::uuid[]) ORDER BY id`,
        [[...employers.values()].map((e) => e.id)],
      )
    ).map((r: { id: string }) => r.id);
  });

  afterAll(async () => {
    await closeDb();
  });

  it.each([0, 1, 3, 7, 10, 14, 21, 25, 30, 31, 40, 45, 60, 75, 90, 105, 120])(
    'on the seed day + %i days, every dossier with a reminder due is a candidate',
    async (offset) => {
      const source = await db();
      const day = addDays(seededOn, offset);
      const now = parisWallClockInstant(day, 7);
      const candidates = new Set(await candidateIds(source.manager, now));
      const rows = await loadCandidates(source.manager, ids);
      const missed: string[] = [];
      let due = 0;
      for (const row of rows) {
        const reminders = remindersDue(
          subjectOf(row),
          DEFAULT_REMINDER_SETTINGS,
          day,
        );
        due += reminders.length;
        if (reminders.length > 0 && !candidates.has(row.id))
          missed.push(
            `${row.state}: ${reminders.map((r) => r.key).join(', ')}`,
          );
      }
      expect(missed).toEqual([]);
      expect(rows.length).toBeGreaterThan(20);
      if (offset === 0) expect(due).toBeGreaterThan(0); // the demo has reminders due on its day
    },
  );
});
