import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { SessionResponse } from '@moisson/contract';
import { Client } from 'pg';
import { SessionEntity } from '../src/modules/auth/entities/session.entity';
import { SessionService } from '../src/modules/auth/services/session.service';
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
 * GETs reuse the session read by an earlier GET for SESSION_CACHE_SECONDS (one SQL statement less per
 * page); everything this process changes about a session or its user applies to the very next
 * request all the same.
 */
let app: NestFastifyApplication;
beforeAll(async () => {
  app = await createTestApp({ SESSION_CACHE_SECONDS: '30' });
});
afterAll(async () => {
  await app.close();
  await closeDb();
});

/** How many statements of the request read the session table. */
async function sessionReads(send: () => Promise<unknown>): Promise<number> {
  const spy = jest.spyOn(Client.prototype, 'query');
  try {
    await send();
    return spy.mock.calls.filter(([config]) => {
      const text =
        typeof config === 'string'
          ? config
          : (config as { text?: string }).text;
      return typeof text === 'string' && /FROM "user_session"/.test(text);
    }).length;
  } finally {
    spy.mockRestore();
  }
}

async function employerWithOwnerAndMember() {
  const employer = await createEmployer();
  const owner = await createUser({
    role: 'employer_owner',
    employerId: employer.id,
  });
  const member = await createUser({
    role: 'employer_member',
    employerId: employer.id,
  });
  return {
    employer,
    owner,
    member,
    ownerClient: await signedInClient(app, owner),
    memberClient: await signedInClient(app, member),
  };
}

describe('sessions reused by GETs', () => {
  it('a GET reuses the session read moments ago; other methods always read it', async () => {
    const { employer, ownerClient } = await employerWithOwnerAndMember();
    const page = `/api/employers/${employer.id}`;
    expect(
      await sessionReads(async () =>
        expect((await ownerClient.get(page)).statusCode).toBe(200),
      ),
    ).toBe(1);
    expect(
      await sessionReads(async () =>
        expect((await ownerClient.get(page)).statusCode).toBe(200),
      ),
    ).toBe(0);
    expect(
      await sessionReads(async () =>
        expect(
          (await ownerClient.patch('/api/account', { fullName: 'Anne Ferme' }))
            .statusCode,
        ).toBe(200),
      ),
    ).toBe(1);
  });

  it('sign-out ends the session at once', async () => {
    const { employer, ownerClient } = await employerWithOwnerAndMember();
    const page = `/api/employers/${employer.id}`;
    expect((await ownerClient.get(page)).statusCode).toBe(200);
    // The cookie as it was before sign-out (the browser drops it; a copy must not work either).
    const copy = new TestClient(app);
    for (const [name, value] of ownerClient.cookies)
      copy.cookies.set(name, value);
    expect((await copy.get(page)).statusCode).toBe(200);
    expect((await ownerClient.post('/api/auth/logout', {})).statusCode).toBe(
      204,
    );
    expect((await copy.get(page)).statusCode).toBe(401);
  });

  it('disabling a user ends their sessions at once, and a role change applies to their next GET', async () => {
    const { employer, member, ownerClient, memberClient } =
      await employerWithOwnerAndMember();
    const users = `/api/employers/${employer.id}/users`;
    expect((await memberClient.get(users)).statusCode).toBe(403);
    const promote = await ownerClient.patch(`${users}/${member.id}`, {
      role: 'employer_owner',
    });
    expect(promote.statusCode).toBe(200);
    expect((await memberClient.get(users)).statusCode).toBe(200);

    const disable = await ownerClient.patch(`${users}/${member.id}`, {
      disabled: true,
    });
    expect(disable.statusCode).toBe(200);
    expect(
      (await memberClient.get(`/api/employers/${employer.id}`)).statusCode,
    ).toBe(401);
  });

  it('a password change ends the other sessions at once; an account change shows on the next GET', async () => {
    const { owner, ownerClient } = await employerWithOwnerAndMember();
    const other = await signedInClient(app, owner);
    expect((await other.get('/api/auth/session')).statusCode).toBe(200);
    expect((await ownerClient.get('/api/auth/session')).statusCode).toBe(200);

    const changed = await ownerClient.post('/api/account/password', {
      currentPassword: owner.password,
      newPassword: 'Un-autre-mot-de-passe-2031',
    });
    expect(changed.statusCode).toBe(204);
    expect((await other.get('/api/auth/session')).statusCode).toBe(401);

    expect(
      (await ownerClient.patch('/api/account', { locale: 'en' })).statusCode,
    ).toBe(200);
    const session = await ownerClient.get('/api/auth/session');
    expect(session.json<SessionResponse>().user.locale).toBe('en');
  });

  it('a GET that read the session while it was being revoked does not keep it', async () => {
    const employer = await createEmployer();
    const owner = await createUser({
      role: 'employer_owner',
      employerId: employer.id,
    });
    const sessions = app.get(SessionService);
    const { token, session } = await sessions.create(
      owner,
      { ip: null, userAgent: null },
      true,
    );
    // The read is under way (its query sent) when the revocation starts.
    const racing = sessions.authenticate(token, { reuse: true });
    const revoked = sessions.revoke(session.id);
    await racing;
    await revoked;
    expect(await sessions.authenticate(token, { reuse: true })).toBeUndefined();
  });

  it('a change made outside this process (here: straight in the database) is seen once the delay is over', async () => {
    const quick = await createTestApp({ SESSION_CACHE_SECONDS: '1' });
    try {
      const employer = await createEmployer();
      const owner = await createUser({
        role: 'employer_owner',
        employerId: employer.id,
      });
      const client = await signedInClient(quick, owner);
      const page = `/api/employers/${employer.id}`;
      expect((await client.get(page)).statusCode).toBe(200);
      await (await db())
        .getRepository(SessionEntity)
        .update({ userId: owner.id }, { revokedAt: new Date() });
      // Within the delay, this process still takes the session it read a moment ago...
      expect((await client.get(page)).statusCode).toBe(200);
      // ... but not a change: it reads the session, and finds it revoked.
      expect(
        (await client.patch('/api/account', { locale: 'en' })).statusCode,
      ).toBe(401);
      await new Promise((r) => setTimeout(r, 1100));
      expect((await client.get(page)).statusCode).toBe(401);
    } finally {
      await quick.close();
    }
  });
});
