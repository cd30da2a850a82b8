import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { UserRole } from '@moisson/contract';
import { passesLuhnCheck } from '@moisson/domain';
import { generate } from 'otplib';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/core/database/data-source';
import { PasswordService } from '../src/modules/auth/services/password.service';
import { SessionService } from '../src/modules/auth/services/session.service';
import { SecretBoxService } from '../src/modules/auth/services/secret-box.service';
import { EmployerEntity } from '../src/modules/employers/entities/employer.entity';
import { UserEntity } from '../src/modules/users/entities/user.entity';
import { testConfig } from './test-app';

export const TEST_PASSWORD = 'Vendanges-en-septembre-2027';

let dataSource: DataSource | undefined;

/** A direct connection to this run's database, for arranging and checking rows. */
export async function db(): Promise<DataSource> {
  if (!dataSource)
    dataSource = await new DataSource(
      dataSourceOptions(testConfig()),
    ).initialize();
  return dataSource;
}

export async function closeDb(): Promise<void> {
  await dataSource?.destroy();
  dataSource = undefined;
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}@test.moisson.local`;
}

/** A 14-digit SIRET with a correct Luhn check digit. */
export function randomSiret(): string {
  const base = Array.from({ length: 13 }, () =>
    Math.floor(Math.random() * 10),
  ).join('');
  for (let c = 0; c < 10; c++) {
    if (passesLuhnCheck(base + c)) return base + c;
  }
  throw new Error('unreachable: one check digit always fits');
}

export async function createEmployer(
  legalName = `Ferme ${randomBytes(3).toString('hex')}`,
): Promise<EmployerEntity> {
  const repo = (await db()).getRepository(EmployerEntity);
  return repo.save(
    repo.create({
      legalName,
      siret: randomSiret(),
      addressLine: '1 chemin des Vignes',
      postalCode: '47200',
      city: 'Marmande',
      departement: '47',
      sector: 'viticulture',
      ofiiOffice: 'casablanca',
      consulate: 'casablanca',
      assignedStaffId: null,
    }),
  );
}

const passwords = new PasswordService();
let passwordHash: Promise<string> | undefined;

export async function createUser(options: {
  role: UserRole;
  employerId?: string | null;
  email?: string;
  totpSecret?: string;
  /** The user's language (French by default, like the portal). */
  locale?: 'fr' | 'en';
}): Promise<UserEntity & { password: string; totpPlain?: string }> {
  const repo = (await db()).getRepository(UserEntity);
  passwordHash ??= passwords.hash(TEST_PASSWORD);
  const box = new SecretBoxService(testConfig());
  const user = await repo.save(
    repo.create({
      email: options.email ?? uniqueEmail(options.role),
      fullName: `Test ${options.role}`,
      role: options.role,
      employerId: options.employerId ?? null,
      passwordHash: await passwordHash,
      locale: options.locale ?? 'fr',
      totpSecret: options.totpSecret ? box.seal(options.totpSecret) : null,
      totpEnabledAt: options.totpSecret ? new Date() : null,
      totpLastStep: null,
      disabledAt: null,
      lastSignInAt: null,
    }),
  );
  return Object.assign(user, {
    password: TEST_PASSWORD,
    totpPlain: options.totpSecret,
  });
}

export const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The TOTP code for `secret`, `steps` time steps from now (each 30 s). */
export function totpCode(secret: string, steps = 0): Promise<string> {
  return generate({
    secret,
    epoch: Math.floor(Date.now() / 1000) + steps * 30,
  });
}

interface Reply {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  json<T = unknown>(): T;
}

/** A browser-like client on app.inject: keeps cookies and sends the CSRF header like Angular does. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  /** Each client looks like its own machine (apps with TRUST_PROXY=true read X-Forwarded-For). */
  readonly ip = `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${(randomBytes(1)[0] % 250) + 1}`;
  /** Headers sent with every request, e.g. `{ 'accept-language': 'en' }` for English errors. */
  readonly headers: Record<string, string> = {};

  constructor(private readonly app: NestFastifyApplication) {}

  async request(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
    url: string,
    payload?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<Reply> {
    if (method !== 'GET' && !this.cookies.has('XSRF-TOKEN'))
      await this.request('GET', '/api/health');
    const headers: Record<string, string> = {
      'x-forwarded-for': this.ip,
      ...this.headers,
      ...extraHeaders,
    };
    if (this.cookies.size)
      headers['cookie'] = [...this.cookies]
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');
    const xsrf = this.cookies.get('XSRF-TOKEN');
    if (method !== 'GET' && xsrf && !('x-xsrf-token' in extraHeaders))
      headers['x-xsrf-token'] = xsrf;
    const res = await this.app.inject({
      method,
      url,
      headers,
      payload: payload as never,
    });
    const setCookie = res.headers['set-cookie'];
    for (const line of Array.isArray(setCookie)
      ? setCookie
      : setCookie
        ? [setCookie]
        : []) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '')
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res as unknown as Reply;
  }

  get(url: string) {
    return this.request('GET', url);
  }

  post(url: string, payload?: unknown) {
    return this.request('POST', url, payload ?? {});
  }

  patch(url: string, payload: unknown) {
    return this.request('PATCH', url, payload);
  }

  /** Signs in with the password, then the TOTP step when the account has one. */
  async signIn(
    user: { email: string; password: string; totpPlain?: string },
    totpSteps = 0,
  ): Promise<Reply> {
    const res = await this.post('/api/auth/login', {
      email: user.email,
      password: user.password,
    });
    if (res.statusCode !== 200) return res;
    if (
      res.json<{ status: string }>().status === 'totp_required' &&
      user.totpPlain
    ) {
      return this.post('/api/auth/login/totp', {
        code: await totpCode(user.totpPlain, totpSteps),
      });
    }
    return res;
  }
}

/**
 * A client already signed in as `user`, its session written straight through the app's SessionService
 * (for tests about something else than sign-in, and that may run while Redis is away).
 */
export async function signedInClient(
  app: NestFastifyApplication,
  user: UserEntity,
): Promise<TestClient> {
  const { token } = await app
    .get(SessionService)
    .create(user, { ip: '127.0.0.1', userAgent: 'test' }, true);
  const client = new TestClient(app);
  client.cookies.set('moisson_session', token);
  client.cookies.set('XSRF-TOKEN', 'test-xsrf-token');
  return client;
}
