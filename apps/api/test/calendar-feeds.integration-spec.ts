import { createHash } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  AgendaItem,
  CalendarFeedSecret,
  CalendarFeedStatus,
  CalendarRangeResponse,
  Page,
} from '@moisson/contract';
import { computeLegalDeadline } from '@moisson/domain';
import ICAL from 'ical.js';
import {
  createDossier,
  day,
  moveAll,
  toAwaitingOfii,
} from './dossier-fixtures';
import {
  closeDb,
  createEmployer,
  createUser,
  db,
  signedInClient,
  TestClient,
} from './fixtures';
import { createTestApp } from './test-app';

/**
 * ICS feeds (one secret URL per user) and the firm's deadlines list and calendar they share their
 * data with. The feed is parsed with ical.js (Mozilla's iCalendar parser) as a calendar
 * application would.
 */
let app: NestFastifyApplication;
let staff: TestClient;
let staffId: string;
let ownerA: TestClient;
let ownerB: TestClient;
const world = {} as {
  a: { id: string; convoked: string; refused: string; refusalDeadline: string };
  b: { id: string; refused: string };
};

/** A dossier convoked by OFII (appointment in 12 days) and one refused 4 days ago (CRRV window). */
async function hires(employerId: string) {
  const convoked = await createDossier(staff, employerId);
  await moveAll(staff, employerId, convoked.id, [
    ...toAwaitingOfii(50),
    [
      'OFII_CONVOKED',
      {
        convocationDate: day(-3),
        appointmentDate: day(12),
        appointmentPlace: 'OFII Casablanca, 12 rue Abou Faris',
      },
    ],
  ]);
  const refused = await createDossier(staff, employerId);
  await moveAll(staff, employerId, refused.id, [
    ...toAwaitingOfii(70),
    [
      'OFII_CONVOKED',
      {
        convocationDate: day(-60),
        appointmentDate: day(-50),
        appointmentPlace: 'OFII Casablanca',
      },
    ],
    ['MEDICAL_FIT', { examinationDate: day(-50) }],
    ['VISA_FILED', { filingDate: day(-45), consulate: 'Casablanca' }],
    [
      'VISA_REFUSED',
      {
        notificationDate: day(-4),
        grounds: ['risk_of_diverting_visa_purpose'],
      },
    ],
  ]);
  return { convoked: convoked.id, refused: refused.id };
}

beforeAll(async () => {
  app = await createTestApp();
  const staffUser = await createUser({ role: 'firm_staff' });
  staffId = staffUser.id;
  staff = await signedInClient(app, staffUser);
  const a = await createEmployer('Domaine du Calendrier A');
  const b = await createEmployer('Vergers du Calendrier B');
  await (
    await db()
  ).query(`UPDATE employer SET assigned_staff_id = $2 WHERE id = $1`, [
    a.id,
    staffId,
  ]);
  ownerA = await signedInClient(
    app,
    await createUser({ role: 'employer_owner', employerId: a.id }),
  );
  ownerB = await signedInClient(
    app,
    await createUser({ role: 'employer_owner', employerId: b.id }),
  );
  const hiresA = await hires(a.id);
  const hiresB = await hires(b.id);
  world.a = {
    id: a.id,
    ...hiresA,
    refusalDeadline: computeLegalDeadline('crrv_appeal', day(-4)).dueDate,
  };
  world.b = { id: b.id, refused: hiresB.refused };
});

afterAll(async () => {
  await app.close();
  await closeDb();
});

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  location: string | null;
  start: string;
  allDay: boolean;
}

/** Fetches a feed URL as a calendar application would (no cookie) and parses it. */
async function fetchFeed(url: string) {
  const path = new URL(url).pathname;
  const res = await new TestClient(app).get(path);
  if (res.statusCode !== 200) return { status: res.statusCode, events: [] };
  expect(res.headers['content-type']).toMatch(/^text\/calendar; charset=utf-8/);
  const calendar = new ICAL.Component(ICAL.parse(res.body));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  const events: ParsedEvent[] = calendar
    .getAllSubcomponents('vevent')
    .map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        summary: event.summary,
        description: event.description,
        location: event.location ?? null,
        start: event.startDate.toString(),
        allDay: event.startDate.isDate,
      };
    });
  return { status: 200, events, body: res.body };
}

const dossierOf = (uid: string) => uid.split('.')[0];

describe('ICS feed of an employer user', () => {
  let secret: CalendarFeedSecret;

  it('creates a feed whose URL shows once, stored only as a hash', async () => {
    const before = (
      await ownerA.get('/api/account/calendar-feed')
    ).json<CalendarFeedStatus>();
    expect(before.active).toBe(false);
    const res = await ownerA.post('/api/account/calendar-feed', {});
    expect(res.statusCode).toBe(201);
    secret = res.json<CalendarFeedSecret>();
    expect(secret).toMatchObject({ active: true, scope: 'employer' });
    expect(secret.url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(secret.webcalUrl.startsWith('webcal://')).toBe(true);
    const token = secret.url.split('/').pop()?.replace('.ics', '') ?? '';
    const rows = await (
      await db()
    ).query(`SELECT token_hash FROM calendar_feed WHERE token_hash = $1`, [
      createHash('sha256').update(token).digest('hex'),
    ]);
    expect(rows).toHaveLength(1);
    const leaked = await (
      await db()
    ).query(
      `SELECT count(*)::int AS n FROM calendar_feed WHERE row_to_json(calendar_feed)::text LIKE $1`,
      [`%${token}%`],
    );
    expect(leaked[0].n).toBe(0);
    const status = (await ownerA.get('/api/account/calendar-feed')).body;
    expect(status).not.toContain(token);
  });

  it("parses as iCalendar with only the employer's own deadlines and appointments, all-day and labelled", async () => {
    const { status, events } = await fetchFeed(secret.url);
    expect(status).toBe(200);
    const dossiers = new Set(events.map((e) => dossierOf(e.uid)));
    expect(dossiers).toEqual(new Set([world.a.convoked, world.a.refused]));
    expect(dossiers.has(world.b.refused)).toBe(false);
    const deadline = events.find((e) => e.uid.includes('.crrv_appeal@'));
    expect(deadline).toMatchObject({
      start: world.a.refusalDeadline,
      allDay: true,
    });
    expect(deadline?.summary).toContain('calculée - à vérifier par le cabinet');
    expect(deadline?.description).toContain(
      'calculée - à vérifier par le cabinet',
    );
    const appointment = events.find((e) =>
      e.uid.includes('.ofii_appointment@'),
    );
    expect(appointment).toMatchObject({
      start: day(12),
      allDay: true,
      location: 'OFII Casablanca, 12 rue Abou Faris',
    });
    expect(appointment?.summary).not.toContain('calculée');
  });

  it('keeps the same UIDs from one fetch to the next', async () => {
    const first = await fetchFeed(secret.url);
    const second = await fetchFeed(secret.url);
    expect(second.events.map((e) => e.uid).sort()).toEqual(
      first.events.map((e) => e.uid).sort(),
    );
    const status = (
      await ownerA.get('/api/account/calendar-feed')
    ).json<CalendarFeedStatus>();
    expect(status.lastFetchedAt).not.toBeNull();
  });

  it('refuses a second feed (409) and a firm scope for an employer user (400)', async () => {
    expect(
      (await ownerA.post('/api/account/calendar-feed', {})).statusCode,
    ).toBe(409);
    const res = await ownerB.post('/api/account/calendar-feed', {
      scope: 'all',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('scope');
    expect(
      (
        await ownerB.get('/api/account/calendar-feed')
      ).json<CalendarFeedStatus>().active,
    ).toBe(false);
  });

  it('rotates: the old URL answers 404 at once, the new one works', async () => {
    const res = await ownerA.post('/api/account/calendar-feed/rotate');
    expect(res.statusCode).toBe(200);
    const rotated = res.json<CalendarFeedSecret>();
    expect(rotated.url).not.toBe(secret.url);
    expect((await fetchFeed(secret.url)).status).toBe(404);
    expect((await fetchFeed(rotated.url)).events.length).toBe(2);
    secret = rotated;
  });

  it('stops working once revoked (404), and says so in the status', async () => {
    const res = await ownerA.request('DELETE', '/api/account/calendar-feed');
    expect(res.statusCode).toBe(204);
    expect((await fetchFeed(secret.url)).status).toBe(404);
    expect(
      (
        await ownerA.get('/api/account/calendar-feed')
      ).json<CalendarFeedStatus>().active,
    ).toBe(false);
    expect(
      (await ownerA.request('DELETE', '/api/account/calendar-feed')).statusCode,
    ).toBe(404);
    const audit = await (
      await db()
    ).query(
      `SELECT action FROM audit_event WHERE action LIKE 'calendar_feed.%' AND employer_id = $1 ORDER BY id`,
      [world.a.id],
    );
    expect(audit.map((r: { action: string }) => r.action)).toEqual([
      'calendar_feed.created',
      'calendar_feed.rotated',
      'calendar_feed.revoked',
    ]);
  });

  it('answers 404 to an unknown or malformed token', async () => {
    for (const path of [
      `/api/calendar/${'A'.repeat(43)}.ics`,
      '/api/calendar/not-a-token.ics',
      `/api/calendar/${'A'.repeat(43)}`,
    ])
      expect((await new TestClient(app).get(path)).statusCode).toBe(404);
  });
});

describe('ICS feed of firm staff', () => {
  it("'assigned' (the default) shows the assigned employers only; 'all' every employer", async () => {
    const assigned = (
      await staff.post('/api/account/calendar-feed', {})
    ).json<CalendarFeedSecret>();
    expect(assigned.scope).toBe('assigned');
    const mine = await fetchFeed(assigned.url);
    const mineDossiers = new Set(mine.events.map((e) => dossierOf(e.uid)));
    expect(mineDossiers.has(world.a.refused)).toBe(true);
    expect(mineDossiers.has(world.b.refused)).toBe(false);
    await staff.request('DELETE', '/api/account/calendar-feed');
    const all = (
      await staff.post('/api/account/calendar-feed', { scope: 'all' })
    ).json<CalendarFeedSecret>();
    const every = new Set(
      (await fetchFeed(all.url)).events.map((e) => dossierOf(e.uid)),
    );
    expect(every.has(world.a.refused)).toBe(true);
    expect(every.has(world.b.refused)).toBe(true);
    expect(
      (await staff.post('/api/account/calendar-feed', { scope: 'employer' }))
        .statusCode,
    ).toBe(400); // an employer scope is not a staff member's
  });

  it('stops serving a disabled user', async () => {
    const user = await createUser({ role: 'firm_staff' });
    const client = await signedInClient(app, user);
    const feed = (
      await client.post('/api/account/calendar-feed', { scope: 'all' })
    ).json<CalendarFeedSecret>();
    expect((await fetchFeed(feed.url)).status).toBe(200);
    await (
      await db()
    ).query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [user.id]);
    expect((await fetchFeed(feed.url)).status).toBe(404);
  });
});

describe('GET /api/firm/deadlines and /api/firm/calendar', () => {
  it('lists the running deadlines and appointments by date, filtered by kind and employer', async () => {
    const page = (
      await staff.get(
        `/api/firm/deadlines?employerId=${world.a.id}&from=${day(-1)}&to=${day(60)}`,
      )
    ).json<Page<AgendaItem>>();
    expect(page.items.map((i) => [i.kind, i.date, i.dossier.id])).toEqual(
      [
        ['ofii_appointment', day(12), world.a.convoked],
        ['crrv_appeal', world.a.refusalDeadline, world.a.refused],
      ].sort((x, y) => String(x[1]).localeCompare(String(y[1]))),
    );
    const crrv = page.items.find((i) => i.kind === 'crrv_appeal');
    expect(crrv).toMatchObject({
      legal: true,
      notice: { fr: 'calculée - à vérifier par le cabinet' },
      employer: { id: world.a.id },
    });
    const onlyCrrv = (
      await staff.get(
        `/api/firm/deadlines?kind=crrv_appeal&employerId=${world.a.id}&from=${day(-1)}`,
      )
    ).json<Page<AgendaItem>>();
    expect(onlyCrrv.items.map((i) => i.kind)).toEqual(['crrv_appeal']);
  });

  it('pages with the cursor without repeating', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<AgendaItem> = (
        await staff.get(
          `/api/firm/deadlines?employerId=${world.a.id}&from=${day(-1)}&to=${day(60)}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json<Page<AgendaItem>>();
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 100);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(
      expect.arrayContaining([
        `${world.a.refused}:crrv_appeal:${world.a.refusalDeadline}`,
      ]),
    );
  });

  it('gives a month of the calendar, and refuses a reversed or too long range', async () => {
    // Each employer's month (other test files may fill the whole firm's calendar).
    const monthOf = async (employerId: string) => {
      const res = await staff.get(
        `/api/firm/calendar?from=${day(0)}&to=${day(40)}&employerId=${employerId}`,
      );
      expect(res.statusCode).toBe(200);
      return res.json<CalendarRangeResponse>();
    };
    const month = await monthOf(world.a.id);
    expect(month.items.map((i) => [i.dossier.id, i.kind])).toEqual([
      [world.a.convoked, 'ofii_appointment'],
      [world.a.refused, 'crrv_appeal'],
    ]);
    expect(
      (await monthOf(world.b.id)).items.map((i) => i.dossier.id),
    ).toContain(world.b.refused);
    expect(month.truncated).toBe(false);
    expect(
      (await staff.get(`/api/firm/calendar?from=${day(5)}&to=${day(1)}`))
        .statusCode,
    ).toBe(400);
    expect(
      (await staff.get(`/api/firm/calendar?from=${day(0)}&to=${day(100)}`))
        .statusCode,
    ).toBe(400);
    expect(
      (await staff.get(`/api/firm/calendar?from=2027-02-30&to=2027-03-01`))
        .statusCode,
    ).toBe(400);
  });

  it('is closed to employer users (403)', async () => {
    for (const path of [
      '/api/firm/deadlines',
      `/api/firm/calendar?from=${day(0)}&to=${day(7)}`,
    ])
      expect((await ownerA.get(path)).statusCode).toBe(403);
  });
});
