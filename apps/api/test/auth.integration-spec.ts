import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ApiErrorBody, SessionResponse } from '@moisson/contract';
import { AuditEventEntity } from '../src/modules/audit/entities/audit-event.entity';
import { SessionEntity } from '../src/modules/auth/entities/session.entity';
import {
  closeDb,
  createEmployer,
  createUser,
  db,
  TestClient,
  TOTP_SECRET,
  totpCode,
  uniqueEmail,
} from './fixtures';
import { tokenFromMail } from './mail-jobs';
import { createTestApp } from './test-app';

let app: NestFastifyApplication;
beforeAll(async () => {
  // Behind a proxy, as in production: lets the tests choose the client address. These tests age and
  // revoke sessions directly in the database, so GETs read the session every time here; the reuse of
  // a session by GETs (SESSION_CACHE_SECONDS) is tested in session-cache.integration-spec.ts.
  app = await createTestApp({
    TRUST_PROXY: 'true',
    SESSION_CACHE_SECONDS: '0',
  });
});
afterAll(async () => {
  await app.close();
  await closeDb();
});

async function auditActions(email: string): Promise<string[]> {
  const rows = await (await db())
    .getRepository(AuditEventEntity)
    .find({ where: { actorEmail: email }, order: { id: 'ASC' } });
  return rows.map((r) => r.action);
}

describe('sign-in with e-mail and password', () => {
  it('opens a server-side session in an httpOnly, SameSite, Secure cookie, and sign-out ends it', async () => {
    const employer = await createEmployer();
    const owner = await createUser({
      role: 'employer_owner',
      employerId: employer.id,
    });
    const client = new TestClient(app);

    const res = await client.post('/api/auth/login', {
      email: owner.email.toUpperCase(),
      password: owner.password,
    });
    expect(res.statusCode).toBe(200);
    const session = res.json<SessionResponse>();
    expect(session.status).toBe('signed_in');
    expect(session.user).toMatchObject({
      email: owner.email,
      role: 'employer_owner',
      employerId: employer.id,
      employerName: employer.legalName,
    });
    const cookie = ([] as string[])
      .concat(res.headers['set-cookie'] as string[])
      .find((c) => c.startsWith('moisson_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Secure/i);

    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
    expect(await auditActions(owner.email)).toEqual([
      'auth.sign_in',
      'auth.sign_out',
    ]);
  });

  it('answers a wrong password with 401, the same words as an unknown address, and audits it', async () => {
    const owner = await createUser({
      role: 'employer_owner',
      employerId: (await createEmployer()).id,
    });
    const wrong = await new TestClient(app).post('/api/auth/login', {
      email: owner.email,
      password: 'not-the-password!',
    });
    const unknown = await new TestClient(app).post('/api/auth/login', {
      email: uniqueEmail('nobody'),
      password: 'whatever-123456',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json<ApiErrorBody>().message).toBe(
      unknown.json<ApiErrorBody>().message,
    );
    expect(await auditActions(owner.email)).toEqual(['auth.sign_in_failed']);
  });

  it('locks an account after 5 failures in 15 minutes: 429 with Retry-After, even with the right password', async () => {
    const owner = await createUser({
      role: 'employer_owner',
      employerId: (await createEmployer()).id,
    });
    for (let i = 0; i < 5; i++) {
      // Different client IPs: the account counter alone locks.
      const res = await new TestClient(app).request(
        'POST',
        '/api/auth/login',
        { email: owner.email, password: `wrong-${i}-password` },
        { 'x-forwarded-for': `10.9.0.${i + 1}` },
      );
      expect(res.statusCode).toBe(401);
    }
    const locked = await new TestClient(app).request(
      'POST',
      '/api/auth/login',
      { email: owner.email, password: owner.password },
      { 'x-forwarded-for': '10.9.0.99', 'accept-language': 'en' },
    );
    expect(locked.statusCode).toBe(429);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(locked.json<ApiErrorBody>()).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/Try again in 15 minutes/),
    });
    const lockedFr = await new TestClient(app).request(
      'POST',
      '/api/auth/login',
      { email: owner.email, password: owner.password },
      { 'x-forwarded-for': '10.9.0.98' },
    );
    expect(lockedFr.json<ApiErrorBody>()).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(
        /^Trop de tentatives échouées\. Réessayez dans 1[45] minutes\.$/,
      ),
    });
    expect(await auditActions(owner.email)).toContain('auth.locked_out');
  });

  it('locks an IP address after 5 failures, whatever the accounts tried', async () => {
    const ip = '10.8.7.6';
    for (let i = 0; i < 5; i++) {
      await new TestClient(app).request(
        'POST',
        '/api/auth/login',
        { email: uniqueEmail('guess'), password: 'guess-guess-guess' },
        { 'x-forwarded-for': ip },
      );
    }
    const owner = await createUser({
      role: 'employer_owner',
      employerId: (await createEmployer()).id,
    });
    const res = await new TestClient(app).request(
      'POST',
      '/api/auth/login',
      { email: owner.email, password: owner.password },
      { 'x-forwarded-for': ip },
    );
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('sessions', () => {
  async function signedIn() {
    const owner = await createUser({
      role: 'employer_owner',
      employerId: (await createEmployer()).id,
    });
    const client = new TestClient(app);
    expect((await client.signIn(owner)).statusCode).toBe(200);
    const sessions = (await db()).getRepository(SessionEntity);
    const session = await sessions.findOneByOrFail({ userId: owner.id });
    return { owner, client, sessions, session };
  }

  it('ends after 30 minutes without a request', async () => {
    const { client, sessions, session } = await signedIn();
    await sessions.update(
      { id: session.id },
      { lastSeenAt: new Date(Date.now() - 29 * 60_000) },
    );
    expect((await client.get('/api/auth/session')).statusCode).toBe(200); // still alive, and touched
    await sessions.update(
      { id: session.id },
      { lastSeenAt: new Date(Date.now() - 31 * 60_000) },
    );
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
    expect(
      (await sessions.findOneByOrFail({ id: session.id })).revokedAt,
    ).toBeInstanceOf(Date);
  });

  it('ends 12 hours after sign-in however active', async () => {
    const { client, sessions, session } = await signedIn();
    expect(
      session.absoluteExpiresAt.getTime() - session.createdAt.getTime(),
    ).toBeCloseTo(12 * 3600_000, -4);
    await sessions.update(
      { id: session.id },
      { absoluteExpiresAt: new Date(Date.now() - 1000) },
    );
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('ends every other session on a password change, and keeps the current one', async () => {
    const { owner, client } = await signedIn();
    const other = new TestClient(app);
    await other.signIn(owner);
    const res = await client.post('/api/account/password', {
      currentPassword: owner.password,
      newPassword: 'Un-nouveau-mot-de-passe-47',
    });
    expect(res.statusCode).toBe(204);
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
    expect((await other.get('/api/auth/session')).statusCode).toBe(401);
    const again = new TestClient(app);
    expect(
      (
        await again.signIn({
          email: owner.email,
          password: 'Un-nouveau-mot-de-passe-47',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('ends the sessions of a disabled user at once', async () => {
    const employer = await createEmployer();
    const owner = await createUser({
      role: 'employer_owner',
      employerId: employer.id,
    });
    const member = await createUser({
      role: 'employer_member',
      employerId: employer.id,
    });
    const ownerClient = new TestClient(app);
    const memberClient = new TestClient(app);
    await ownerClient.signIn(owner);
    await memberClient.signIn(member);
    expect(
      (await memberClient.get(`/api/employers/${employer.id}`)).statusCode,
    ).toBe(200);

    const res = await ownerClient.patch(
      `/api/employers/${employer.id}/users/${member.id}`,
      { disabled: true },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'disabled' });
    expect(
      (await memberClient.get(`/api/employers/${employer.id}`)).statusCode,
    ).toBe(401);
    // A wrong password still tells nothing about the account.
    const wrong = await new TestClient(app).post('/api/auth/login', {
      email: member.email,
      password: 'not-the-password!',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json<ApiErrorBody>()).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: "L'adresse e-mail ou le mot de passe est incorrect.",
    });
    // The right password: the account is disabled, in French by default...
    const retry = await new TestClient(app).signIn(member);
    expect(retry.statusCode).toBe(401);
    expect(retry.json<ApiErrorBody>()).toMatchObject({
      code: 'ACCOUNT_DISABLED',
      message:
        'Ce compte est désactivé : adressez-vous à votre administrateur.',
    });
    // ... and in English for a browser that asks for it.
    const english = new TestClient(app);
    english.headers['accept-language'] = 'en-US,en;q=0.9';
    const retryEn = await english.signIn(member);
    expect(retryEn.json<ApiErrorBody>()).toMatchObject({
      code: 'ACCOUNT_DISABLED',
      message: 'This account is disabled: ask your administrator.',
    });
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing request without the token, or with a wrong one', async () => {
    const owner = await createUser({
      role: 'employer_owner',
      employerId: (await createEmployer()).id,
    });
    const client = new TestClient(app);
    await client.get('/api/health');
    const missing = await client.request(
      'POST',
      '/api/auth/login',
      { email: owner.email, password: owner.password },
      { 'x-xsrf-token': '' },
    );
    expect(missing.statusCode).toBe(403);
    expect(missing.json<ApiErrorBody>().code).toBe('CSRF_REJECTED');
    const wrong = await client.request(
      'POST',
      '/api/auth/login',
      { email: owner.email, password: owner.password },
      { 'x-xsrf-token': 'forged-token' },
    );
    expect(wrong.statusCode).toBe(403);
    await client.signIn(owner);
    const logout = await client.request(
      'POST',
      '/api/auth/logout',
      {},
      { 'x-xsrf-token': 'forged-token' },
    );
    expect(logout.statusCode).toBe(403);
    expect((await client.get('/api/auth/session')).statusCode).toBe(200); // still signed in
  });
});

describe('two-factor authentication', () => {
  it('asks the code after the password, refuses a wrong or replayed code, accepts a recovery code once', async () => {
    const employer = await createEmployer();
    const owner = await createUser({
      role: 'employer_owner',
      employerId: employer.id,
      totpSecret: TOTP_SECRET,
    });
    const client = new TestClient(app);
    const first = await client.post('/api/auth/login', {
      email: owner.email,
      password: owner.password,
    });
    expect(first.json<SessionResponse>().status).toBe('totp_required');
    const blocked = await client.get(`/api/employers/${employer.id}`);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<ApiErrorBody>().code).toBe('TOTP_REQUIRED');

    const wrong = await client.post('/api/auth/login/totp', {
      code: '000000' === (await totpCode(TOTP_SECRET)) ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(401);
    const code = await totpCode(TOTP_SECRET);
    const ok = await client.post('/api/auth/login/totp', { code });
    expect(ok.json<SessionResponse>().status).toBe('signed_in');
    expect((await client.get(`/api/employers/${employer.id}`)).statusCode).toBe(
      200,
    );

    const replay = new TestClient(app);
    await replay.post('/api/auth/login', {
      email: owner.email,
      password: owner.password,
    });
    expect(
      (await replay.post('/api/auth/login/totp', { code })).statusCode,
    ).toBe(401);

    const codes = (await client.post('/api/account/totp/recovery-codes')).json<{
      recoveryCodes: string[];
    }>().recoveryCodes;
    expect(codes).toHaveLength(10);
    const withRecovery = new TestClient(app);
    await withRecovery.post('/api/auth/login', {
      email: owner.email,
      password: owner.password,
    });
    expect(
      (
        await withRecovery.post('/api/auth/login/totp', { code: codes[0] })
      ).json<SessionResponse>().status,
    ).toBe('signed_in');
    const reused = new TestClient(app);
    await reused.post('/api/auth/login', {
      email: owner.email,
      password: owner.password,
    });
    expect(
      (await reused.post('/api/auth/login/totp', { code: codes[0] }))
        .statusCode,
    ).toBe(401);
    expect(await auditActions(owner.email)).toEqual(
      expect.arrayContaining(['auth.totp_failed', 'auth.recovery_code_used']),
    );
  });

  it('makes firm staff enrol before anything else, and never lets them turn it off', async () => {
    const staff = await createUser({ role: 'firm_staff' });
    const client = new TestClient(app);
    const login = await client.post('/api/auth/login', {
      email: staff.email,
      password: staff.password,
    });
    expect(login.json<SessionResponse>().status).toBe(
      'totp_enrolment_required',
    );
    expect((await client.get('/api/employers')).json<ApiErrorBody>().code).toBe(
      'TOTP_REQUIRED',
    );

    const setup = await client.post('/api/account/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl, qrDataUrl } = setup.json<{
      secret: string;
      otpauthUrl: string;
      qrDataUrl: string;
    }>();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Moisson:/);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(
      (
        await client.post('/api/account/totp/enable', {
          code: '123456' === (await totpCode(secret)) ? '654321' : '123456',
        })
      ).statusCode,
    ).toBe(400);
    const enabled = await client.post('/api/account/totp/enable', {
      code: await totpCode(secret),
    });
    expect(
      enabled.json<{ recoveryCodes: string[] }>().recoveryCodes,
    ).toHaveLength(10);
    expect(
      (await client.get('/api/auth/session')).json<SessionResponse>().status,
    ).toBe('signed_in');
    expect((await client.get('/api/employers')).statusCode).toBe(200);
    expect(
      (
        await client.post('/api/account/totp/disable', {
          password: staff.password,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('invitations', () => {
  it('a firm admin invites an employer owner, who sets a password and is signed in; the link works once', async () => {
    const admin = await createUser({
      role: 'firm_admin',
      totpSecret: TOTP_SECRET,
    });
    const employer = await createEmployer();
    const adminClient = new TestClient(app);
    expect(
      (await adminClient.signIn(admin, 1)).json<SessionResponse>().status,
    ).toBe('signed_in');

    const email = uniqueEmail('invitee');
    const invited = await adminClient.post(
      `/api/employers/${employer.id}/invitations`,
      { email, role: 'employer_owner' },
    );
    expect(invited.statusCode).toBe(201);
    const token = await tokenFromMail('invitation', email, 'acceptUrl');

    const preview = await new TestClient(app).get(
      `/api/auth/invitations/${token}`,
    );
    expect(preview.json()).toMatchObject({
      email,
      role: 'employer_owner',
      organisationName: employer.legalName,
    });

    const invitee = new TestClient(app);
    invitee.headers['accept-language'] = 'en';
    const weak = await invitee.post(`/api/auth/invitations/${token}/accept`, {
      fullName: 'Nadia Amrani',
      password: 'password1234',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<ApiErrorBody>().message).toMatch(/common passwords/);
    const short = await invitee.post(`/api/auth/invitations/${token}/accept`, {
      fullName: 'Nadia Amrani',
      password: 'Court-1',
    });
    expect(short.json<ApiErrorBody>().message).toMatch(
      /at least 12 characters/,
    );

    const accepted = await invitee.post(
      `/api/auth/invitations/${token}/accept`,
      { fullName: 'Nadia Amrani', password: 'Recolte-des-pommes-2027' },
    );
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<SessionResponse>()).toMatchObject({
      status: 'signed_in',
      user: { email, role: 'employer_owner', employerId: employer.id },
    });
    expect(
      (await invitee.get(`/api/employers/${employer.id}/users`)).statusCode,
    ).toBe(200);

    const reused = await new TestClient(app).request(
      'POST',
      `/api/auth/invitations/${token}/accept`,
      { fullName: 'Someone Else', password: 'Recolte-des-pommes-2028' },
      { 'accept-language': 'en' },
    );
    expect(reused.statusCode).toBe(404);
    expect(reused.json<ApiErrorBody>().message).toMatch(
      /expired, was already used/,
    );
  });

  it('refuses an expired invitation link', async () => {
    const employer = await createEmployer();
    const owner = await createUser({
      role: 'employer_owner',
      employerId: employer.id,
    });
    const client = new TestClient(app);
    await client.signIn(owner);
    const email = uniqueEmail('late');
    await client.post(`/api/employers/${employer.id}/invitations`, {
      email,
      role: 'employer_member',
    });
    const token = await tokenFromMail('invitation', email, 'acceptUrl');
    await (
      await db()
    ).query(
      `UPDATE invitation SET expires_at = now() - interval '1 second' WHERE email = $1`,
      [email],
    );
    expect(
      (await new TestClient(app).get(`/api/auth/invitations/${token}`))
        .statusCode,
    ).toBe(404);
    const res = await new TestClient(app).post(
      `/api/auth/invitations/${token}/accept`,
      { fullName: 'Late Comer', password: 'Recolte-des-pommes-2029' },
    );
    expect(res.statusCode).toBe(404);
  });

  it('lets an owner invite colleagues but not a member', async () => {
    const employer = await createEmployer();
    const member = await createUser({
      role: 'employer_member',
      employerId: employer.id,
    });
    const client = new TestClient(app);
    await client.signIn(member);
    const res = await client.post(`/api/employers/${employer.id}/invitations`, {
      email: uniqueEmail('x'),
      role: 'employer_member',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('password reset', () => {
  it('e-mails a single-use link; using it sets the password and ends every session', async () => {
    const owner = await createUser({
      role: 'employer_owner',
      employerId: (await createEmployer()).id,
    });
    const client = new TestClient(app);
    await client.signIn(owner);

    const unknown = await new TestClient(app).post('/api/auth/password-reset', {
      email: uniqueEmail('ghost'),
    });
    expect(unknown.statusCode).toBe(202);
    const known = await new TestClient(app).post('/api/auth/password-reset', {
      email: owner.email,
    });
    expect(known.statusCode).toBe(202);
    const token = await tokenFromMail(
      'password-reset',
      owner.email,
      'resetUrl',
    );

    const done = await new TestClient(app).post(
      '/api/auth/password-reset/confirm',
      { token, newPassword: 'Taille-de-la-vigne-2027' },
    );
    expect(done.statusCode).toBe(204);
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
    expect(
      (
        await new TestClient(app).signIn({
          email: owner.email,
          password: 'Taille-de-la-vigne-2027',
        })
      ).statusCode,
    ).toBe(200);
    const again = await new TestClient(app).post(
      '/api/auth/password-reset/confirm',
      { token, newPassword: 'Taille-de-la-vigne-2028' },
    );
    expect(again.statusCode).toBe(404);
  });
});

describe('audit log', () => {
  it('lets firm admins browse and filter it, and nobody change it', async () => {
    const admin = await createUser({
      role: 'firm_admin',
      totpSecret: TOTP_SECRET,
    });
    const client = new TestClient(app);
    await client.signIn(admin, -1);
    const page = await client.get(
      `/api/audit-events?action=auth.sign_in&actorEmail=${encodeURIComponent(admin.email)}`,
    );
    expect(page.statusCode).toBe(200);
    const items = page.json<{
      items: Array<{ action: string; actor: { email: string } }>;
    }>().items;
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(
      items.every(
        (e) => e.action === 'auth.sign_in' && e.actor.email === admin.email,
      ),
    ).toBe(true);

    await expect(
      (await db()).query('UPDATE audit_event SET action = $1', [
        'auth.sign_out',
      ]),
    ).rejects.toThrow(/append-only/);
    await expect((await db()).query('DELETE FROM audit_event')).rejects.toThrow(
      /append-only/,
    );
  });
});
