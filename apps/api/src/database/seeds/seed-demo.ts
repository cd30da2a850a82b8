import { DataSource, In } from 'typeorm';
import { EmployerEntity } from '../../modules/employers/entities/employer.entity';
import { PasswordService } from '../../modules/auth/services/password.service';
import { SecretBoxService } from '../../modules/auth/services/secret-box.service';
import { UserEntity } from '../../modules/users/entities/user.entity';
import { AppConfig } from '../../core/config/app-config';
import { todayInParis } from '../../modules/dossiers/common/paris-today';
import type { DossierActor } from '../../modules/dossiers/dossier-timeline.writer';
import { DEMO_EMPLOYERS, DEMO_PASSWORD, DEMO_USERS } from './demo-data';
import { createDocumentStorage } from '../../core/storage/storage.module';
import { seedDemoDocuments } from './seed-demo-documents';
import { seedDemoHires } from './seed-demo-hires';

export interface SeededAccount {
  key: string;
  email: string;
  password: string;
  role: string;
  employer: string | null;
  totpSecret: string | null;
}

/** The demo accounts present in the database (their password is the demo one unless someone changed it). */
export async function existingDemoAccounts(
  dataSource: DataSource,
): Promise<SeededAccount[]> {
  const users = await dataSource.getRepository(UserEntity).find({
    where: { email: In(DEMO_USERS.map((u) => u.email)) },
    relations: { employer: true },
  });
  return DEMO_USERS.flatMap((u) => {
    const found = users.find((x) => x.email === u.email);
    if (!found) return [];
    return [
      {
        key: u.key,
        email: u.email,
        password: DEMO_PASSWORD,
        role: u.role,
        employer: found.employer?.legalName ?? null,
        totpSecret: u.totpSecret ?? null,
      },
    ];
  });
}

/**
 * Seeds the demo employers and users, then their workers, campaigns and dossiers (demo-hires.ts),
 * into an empty database, in one transaction; does nothing when any user exists.
 */
export async function seedDemo(
  dataSource: DataSource,
  config: AppConfig,
): Promise<SeededAccount[] | null> {
  if ((await dataSource.getRepository(UserEntity).count()) > 0) return null;
  const passwords = new PasswordService();
  const box = new SecretBoxService(config);
  const hash = await passwords.hash(DEMO_PASSWORD);
  const accounts = await dataSource.transaction(async (m) => {
    const employers = new Map<string, EmployerEntity>();
    for (const { key, ...e } of DEMO_EMPLOYERS) {
      employers.set(
        key,
        await m.save(m.create(EmployerEntity, { ...e, assignedStaffId: null })),
      );
    }
    const accounts: SeededAccount[] = [];
    const actors = new Map<string, DossierActor>();
    for (const u of DEMO_USERS) {
      const employer = u.employerKey ? employers.get(u.employerKey) : undefined;
      const user = await m.save(
        m.create(UserEntity, {
          email: u.email,
          fullName: u.fullName,
          role: u.role,
          employerId: employer?.id ?? null,
          passwordHash: hash,
          locale: 'fr',
          totpSecret: u.totpSecret ? box.seal(u.totpSecret) : null,
          totpEnabledAt: u.totpSecret ? new Date() : null,
          totpLastStep: null,
          disabledAt: null,
          lastSignInAt: null,
        }),
      );
      actors.set(u.key, { id: user.id, name: user.fullName });
      accounts.push({
        key: u.key,
        email: u.email,
        password: DEMO_PASSWORD,
        role: u.role,
        employer: employer?.legalName ?? null,
        totpSecret: u.totpSecret ?? null,
      });
    }
    const staff = await m.findOneByOrFail(UserEntity, {
      email: 'juriste@cabinet-demo.fr',
    });
    await m.update(
      EmployerEntity,
      { id: In([...employers.values()].map((e) => e.id)) },
      { assignedStaffId: staff.id },
    );
    const owners = new Map<string, DossierActor>();
    for (const u of DEMO_USERS) {
      const actor = actors.get(u.key);
      if (u.role === 'employer_owner' && u.employerKey && actor)
        owners.set(u.employerKey, actor);
    }
    await seedDemoHires(
      m,
      employers,
      { owners, firmStaff: { id: staff.id, name: staff.fullName } },
      todayInParis(),
    );
    return accounts;
  });
  // The files go to the document store as uploads do, once the hires they belong to are committed.
  await seedDemoDocuments(dataSource, createDocumentStorage(config));
  return accounts;
}
