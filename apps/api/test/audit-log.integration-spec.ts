import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ApiErrorBody } from '@moisson/contract';
import { AuditEventEntity } from '../src/modules/audit/entities/audit-event.entity';
import {
  closeDb,
  createUser,
  db,
  signedInClient,
  TestClient,
  TOTP_SECRET,
  uniqueEmail,
} from './fixtures';
import { createTestApp } from './test-app';

/** The test database, its sessions set to a zone far from Paris (UTC+14): days must still be Paris days. */
function databaseUrlInKiritimati(): string {
  const url = new URL(process.env['DATABASE_URL'] ?? '');
  url.searchParams.set('options', '-c TimeZone=Pacific/Kiritimati');
  return url.toString();
}

let app: NestFastifyApplication;
let admin: TestClient;

beforeAll(async () => {
  app = await createTestApp({ DATABASE_URL: databaseUrlInKiritimati() });
  admin = await signedInClient(
    app,
    await createUser({ role: 'firm_admin', totpSecret: TOTP_SECRET }),
  );
});
afterAll(async () => {
  await app.close();
  await closeDb();
});

describe('audit log date filters: Paris calendar days', () => {
  it('counts an event at 00:30 in Paris on that day, not the day before, in winter and in summer', async () => {
    const actorEmail = uniqueEmail('midnight');
    const events = {
      // Winter (UTC+1): 14 March 2026 23:30 in Paris, then 15 March 00:30, 23:30, and 16 March 00:30.
      w14late: '2026-03-14T22:30:00Z',
      w15early: '2026-03-14T23:30:00Z',
      w15late: '2026-03-15T22:30:00Z',
      w16early: '2026-03-15T23:30:00Z',
      // Summer (UTC+2): 14 July 2026 23:30 in Paris, then 15 July 00:30.
      s14late: '2026-07-14T21:30:00Z',
      s15early: '2026-07-14T22:30:00Z',
    };
    const repo = (await db()).getRepository(AuditEventEntity);
    for (const [targetId, at] of Object.entries(events))
      await repo.insert({
        at: new Date(at),
        action: 'auth.sign_in',
        actorEmail,
        targetId,
      });

    const between = async (from: string, to: string) => {
      const res = await admin.get(
        `/api/audit-events?actorEmail=${encodeURIComponent(actorEmail)}&from=${from}&to=${to}`,
      );
      expect(res.statusCode).toBe(200);
      return res
        .json<{ items: Array<{ targetId: string }> }>()
        .items.map((e) => e.targetId)
        .sort();
    };
    expect(await between('2026-03-15', '2026-03-15')).toEqual([
      'w15early',
      'w15late',
    ]);
    expect(await between('2026-03-14', '2026-03-14')).toEqual(['w14late']);
    expect(await between('2026-03-16', '2026-03-16')).toEqual(['w16early']);
    expect(await between('2026-07-15', '2026-07-31')).toEqual(['s15early']);
    expect(await between('2026-07-01', '2026-07-14')).toEqual(['s14late']);
  });

  it('refuses a date that is not YYYY-MM-DD, in French by default', async () => {
    const res = await admin.get('/api/audit-events?from=15/03/2026');
    expect(res.statusCode).toBe(400);
    expect(res.json<ApiErrorBody>().details).toEqual([
      {
        field: 'from',
        message:
          'Date de début : saisissez une date réelle au format AAAA-MM-JJ.',
      },
    ]);
  });
});
