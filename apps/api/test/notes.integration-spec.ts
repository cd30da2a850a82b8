import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NoteResponse, Page } from '@moisson/contract';
import { createDossier } from './dossier-fixtures';
import {
  closeDb,
  createEmployer,
  createUser,
  db,
  signedInClient,
  TestClient,
} from './fixtures';
import { createTestApp } from './test-app';

/** Notes of firm staff on employers and dossiers, internal or shared with the employer. */
let app: NestFastifyApplication;
let staff: TestClient;
let staffId: string;
let ownerA: TestClient;
let memberA: TestClient;
let ownerB: TestClient;
const w = {} as {
  a: string;
  b: string;
  dossierA: string;
  dossierB: string;
};

beforeAll(async () => {
  app = await createTestApp();
  const staffUser = await createUser({ role: 'firm_staff' });
  staffId = staffUser.id;
  staff = await signedInClient(app, staffUser);
  w.a = (await createEmployer('Domaine des Notes A')).id;
  w.b = (await createEmployer('Ferme des Notes B')).id;
  ownerA = await signedInClient(
    app,
    await createUser({ role: 'employer_owner', employerId: w.a }),
  );
  memberA = await signedInClient(
    app,
    await createUser({ role: 'employer_member', employerId: w.a }),
  );
  ownerB = await signedInClient(
    app,
    await createUser({ role: 'employer_owner', employerId: w.b }),
  );
  w.dossierA = (await createDossier(staff, w.a)).id;
  w.dossierB = (await createDossier(staff, w.b)).id;
});

afterAll(async () => {
  await app.close();
  await closeDb();
});

const notesOf = (employerId: string) => `/api/employers/${employerId}/notes`;

async function noteRows(employerId: string): Promise<number> {
  const [row] = await (
    await db()
  ).query(`SELECT count(*)::int AS n FROM note WHERE employer_id = $1`, [
    employerId,
  ]);
  return row.n;
}

describe('notes', () => {
  const ids = {} as {
    internal: string;
    shared: string;
    dossierInternal: string;
  };

  it('firm staff write internal and shared notes on the employer and on a dossier', async () => {
    const internal = await staff.post(notesOf(w.a), {
      body: '  Appeler M. Dupuis avant vendredi  ',
      visibility: 'internal',
    });
    expect(internal.statusCode).toBe(201);
    const note = internal.json<NoteResponse>();
    expect(note).toMatchObject({
      employerId: w.a,
      dossierId: null,
      visibility: 'internal',
      body: 'Appeler M. Dupuis avant vendredi',
      author: { id: staffId },
      edited: false,
    });
    ids.internal = note.id;
    ids.shared = (
      await staff.post(notesOf(w.a), {
        body: 'Pensez à signer le contrat des deux côtés.',
        visibility: 'shared',
        dossierId: w.dossierA,
      })
    ).json<NoteResponse>().id;
    ids.dossierInternal = (
      await staff.post(notesOf(w.a), {
        body: 'Refus probablement contestable (TA Nantes).',
        visibility: 'internal',
        dossierId: w.dossierA,
      })
    ).json<NoteResponse>().id;
    const all = (await staff.get(notesOf(w.a))).json<Page<NoteResponse>>();
    expect(all.items.map((n) => n.id)).toEqual([
      ids.dossierInternal,
      ids.shared,
      ids.internal,
    ]);
    const employerOnly = (
      await staff.get(`${notesOf(w.a)}?dossierId=none`)
    ).json<Page<NoteResponse>>();
    expect(employerOnly.items.map((n) => n.id)).toEqual([ids.internal]);
  });

  it("employer users read only the shared notes of their own employer's dossiers", async () => {
    for (const client of [ownerA, memberA]) {
      const list = (await client.get(notesOf(w.a))).json<Page<NoteResponse>>();
      expect(list.items.map((n) => n.id)).toEqual([ids.shared]);
      const dossier = await client.get(
        `/api/employers/${w.a}/dossiers/${w.dossierA}/notes`,
      );
      expect(dossier.statusCode).toBe(200);
      expect(dossier.json<NoteResponse[]>().map((n) => n.id)).toEqual([
        ids.shared,
      ]);
      expect(dossier.body).not.toContain('contestable');
    }
    const staffView = (
      await staff.get(`/api/employers/${w.a}/dossiers/${w.dossierA}/notes`)
    ).json<NoteResponse[]>();
    expect(staffView.map((n) => n.id)).toEqual([
      ids.dossierInternal,
      ids.shared,
    ]);
  });

  it("another employer's users get 404, and employer users cannot write (403)", async () => {
    expect((await ownerB.get(notesOf(w.a))).statusCode).toBe(404);
    expect(
      (await ownerB.get(`/api/employers/${w.a}/dossiers/${w.dossierA}/notes`))
        .statusCode,
    ).toBe(404);
    // B's own employer id with A's dossier: not found either.
    expect(
      (await ownerB.get(`/api/employers/${w.b}/dossiers/${w.dossierA}/notes`))
        .statusCode,
    ).toBe(404);
    const before = await noteRows(w.a);
    for (const res of [
      await ownerA.post(notesOf(w.a), { body: 'x', visibility: 'shared' }),
      await ownerA.patch(`${notesOf(w.a)}/${ids.shared}`, { body: 'x' }),
      await ownerA.request('DELETE', `${notesOf(w.a)}/${ids.shared}`),
    ])
      expect(res.statusCode).toBe(403);
    expect(await noteRows(w.a)).toBe(before);
  });

  it('refuses bad input with a 400 naming the field, and a dossier or note of another employer with a 404, writing nothing', async () => {
    const before = await noteRows(w.a);
    const empty = await staff.post(notesOf(w.a), {
      body: '   ',
      visibility: 'shared',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('body');
    const badVisibility = await staff.post(notesOf(w.a), {
      body: 'ok',
      visibility: 'public',
    });
    expect(badVisibility.statusCode).toBe(400);
    expect(badVisibility.body).toContain('visibility');
    const tooLong = await staff.post(notesOf(w.a), {
      body: 'x'.repeat(5001),
      visibility: 'internal',
    });
    expect(tooLong.statusCode).toBe(400);
    const foreignDossier = await staff.post(notesOf(w.a), {
      body: 'ok',
      visibility: 'internal',
      dossierId: w.dossierB,
    });
    expect(foreignDossier.statusCode).toBe(404);
    const foreignNote = await staff.patch(`${notesOf(w.b)}/${ids.shared}`, {
      body: 'changed',
    });
    expect(foreignNote.statusCode).toBe(404);
    expect(await noteRows(w.a)).toBe(before);
    expect(await noteRows(w.b)).toBe(0);
  });

  it('firm staff edit and delete, each step audited with the staff member and the employer (never the text)', async () => {
    const edited = await staff.patch(`${notesOf(w.a)}/${ids.internal}`, {
      visibility: 'shared',
      body: 'Appeler M. Dupuis lundi',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<NoteResponse>()).toMatchObject({
      visibility: 'shared',
      body: 'Appeler M. Dupuis lundi',
      edited: true,
    });
    // Now shared: the employer sees it.
    const ownerView = (await ownerA.get(notesOf(w.a))).json<
      Page<NoteResponse>
    >();
    expect(ownerView.items.map((n) => n.id)).toContain(ids.internal);
    expect(
      (await staff.request('DELETE', `${notesOf(w.a)}/${ids.dossierInternal}`))
        .statusCode,
    ).toBe(204);
    expect(
      (await staff.request('DELETE', `${notesOf(w.a)}/${ids.dossierInternal}`))
        .statusCode,
    ).toBe(404);
    const audit = await (
      await db()
    ).query(
      `SELECT action, actor_user_id, employer_id, target_id, details FROM audit_event
       WHERE action LIKE 'note.%' AND employer_id = $1 ORDER BY id`,
      [w.a],
    );
    expect(audit.map((r: { action: string }) => r.action)).toEqual([
      'note.created',
      'note.created',
      'note.created',
      'note.updated',
      'note.deleted',
    ]);
    for (const row of audit) {
      expect(row.actor_user_id).toBe(staffId);
      expect(JSON.stringify(row.details)).not.toContain('Dupuis');
    }
    expect(audit[3].details).toMatchObject({
      fields: ['body', 'visibility'],
      visibilityFrom: 'internal',
      visibility: 'shared',
    });
  });
});
