import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  API_ERROR_CODES,
  CreateWorkerRequest,
  DEFAULT_PAGE_SIZE,
  Page,
  UpdateWorkerRequest,
  WorkerListItem,
  WorkerResponse,
} from '@moisson/contract';
import {
  CalendarDate,
  compareCalendarDates,
  formatFrenchDate,
} from '@moisson/domain';
import { Repository } from 'typeorm';
import type { AuthContext, RequestMeta } from '../../core/auth/auth-context';
import { ApiException } from '../../core/http/api-exception';
import { AuditService } from '../audit/audit.service';
import { decodeCursor, encodeCursor } from '../../core/http/keyset-cursor';
import { todayInParis } from '../dossiers/common/paris-today';
import { isUniqueViolation } from '../dossiers/common/unique-violation';
import { WorkerEntity } from './entities/worker.entity';
import { toWorkerListItem, toWorkerResponse } from './worker.mapper';
import { workerSearchCondition } from './worker-search';

const PASSPORT_KEY = 'worker_employer_passport_key';
const SORT = 'surname';

/** Where a full passport number left the API, for the audit log. */
export type PassportReadVia =
  | 'worker.detail'
  | 'worker.created'
  | 'worker.updated'
  | 'dossier.detail';

/** An employer's workers (persons). Every query is scoped by the employer id AccessService resolved. */
@Injectable()
export class WorkersService {
  constructor(
    @InjectRepository(WorkerEntity)
    private readonly workers: Repository<WorkerEntity>,
    private readonly audit: AuditService,
  ) {}

  /** By surname, keyset-paginated; passport numbers masked. */
  async list(
    employerId: string,
    query: { q?: string; cursor?: string; limit?: number },
  ): Promise<Page<WorkerListItem>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const qb = this.workers
      .createQueryBuilder('w')
      .where('w.employer_id = :employerId', { employerId })
      .orderBy('w.surname', 'ASC')
      .addOrderBy('w.given_names', 'ASC')
      .addOrderBy('w.id', 'ASC')
      .limit(limit + 1);
    if (query.q) {
      const search = workerSearchCondition('w', query.q);
      qb.andWhere(search.sql, search.params);
    }
    if (query.cursor) {
      const at = decodeCursor(query.cursor, SORT, 2);
      qb.andWhere('(w.surname, w.given_names, w.id) > (:cs, :cg, :cid)', {
        cs: at.values[0],
        cg: at.values[1],
        cid: at.id,
      });
    }
    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toWorkerListItem),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({
              sort: SORT,
              values: [last.surname, last.givenNames],
              id: last.id,
            })
          : null,
    };
  }

  /** The worker with its full passport number; the read is audited. */
  async get(
    auth: AuthContext,
    meta: RequestMeta,
    employerId: string,
    workerId: string,
  ): Promise<WorkerResponse> {
    const worker = await this.findOwned(employerId, workerId);
    await this.recordPassportRead(auth, meta, worker, 'worker.detail');
    return toWorkerResponse(worker);
  }

  async create(
    auth: AuthContext,
    meta: RequestMeta,
    employerId: string,
    input: CreateWorkerRequest,
  ): Promise<WorkerResponse> {
    const today = todayInParis();
    assertBirthDate(input.birthDate, today);
    assertPassportValid(input.passportExpiry, today);
    await this.assertPassportFree(employerId, input.passportNumber);
    let saved: WorkerEntity;
    try {
      saved = await this.workers.save(
        this.workers.create({
          employerId,
          surname: input.surname,
          givenNames: input.givenNames,
          birthDate: input.birthDate,
          nationality: input.nationality,
          passportNumber: input.passportNumber,
          passportExpiry: input.passportExpiry,
          phone: input.phone ?? null,
          email: input.email ?? null,
          preferredLanguage: input.preferredLanguage ?? 'fr',
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, PASSPORT_KEY))
        throw passportTaken(input.passportNumber);
      throw error;
    }
    const worker = await this.findOwned(employerId, saved.id);
    await this.recordPassportRead(auth, meta, worker, 'worker.created');
    return toWorkerResponse(worker);
  }

  async update(
    auth: AuthContext,
    meta: RequestMeta,
    employerId: string,
    workerId: string,
    input: UpdateWorkerRequest,
  ): Promise<WorkerResponse> {
    const worker = await this.findOwned(employerId, workerId);
    const today = todayInParis();
    if (input.birthDate !== undefined) assertBirthDate(input.birthDate, today);
    if (input.passportExpiry !== undefined)
      assertPassportValid(input.passportExpiry, today);
    if (
      input.passportNumber !== undefined &&
      input.passportNumber !== worker.passportNumber
    )
      await this.assertPassportFree(employerId, input.passportNumber);
    const change: Partial<WorkerEntity> = {};
    for (const key of Object.keys(input) as Array<keyof UpdateWorkerRequest>) {
      if (input[key] !== undefined)
        Object.assign(change, { [key]: input[key] });
    }
    if (Object.keys(change).length > 0) {
      try {
        await this.workers.update({ id: worker.id, employerId }, change);
      } catch (error) {
        if (isUniqueViolation(error, PASSPORT_KEY))
          throw passportTaken(input.passportNumber ?? '');
        throw error;
      }
    }
    const updated = await this.findOwned(employerId, worker.id);
    await this.recordPassportRead(auth, meta, updated, 'worker.updated');
    return toWorkerResponse(updated);
  }

  /** The worker of this employer, or 404 (another employer's worker is "not found" too). */
  async findOwned(employerId: string, workerId: string): Promise<WorkerEntity> {
    const worker = await this.workers.findOneBy({ id: workerId, employerId });
    if (!worker)
      throw new ApiException(404, API_ERROR_CODES.NOT_FOUND, {
        fr: `Aucun salarié avec l'identifiant ${workerId} n'a été trouvé ici.`,
        en: `No worker with the id ${workerId} was found here.`,
      });
    return worker;
  }

  /** Every response carrying a full passport number leaves this line in the audit log. */
  async recordPassportRead(
    auth: AuthContext,
    meta: RequestMeta,
    worker: Pick<WorkerEntity, 'id' | 'employerId'>,
    via: PassportReadVia,
  ): Promise<void> {
    await this.audit.record({
      action: 'passport_number.read',
      actor: auth.user,
      employerId: worker.employerId,
      targetType: 'worker',
      targetId: worker.id,
      ip: meta.ip,
      details: { workerId: worker.id, via },
    });
  }

  private async assertPassportFree(
    employerId: string,
    passportNumber: string,
  ): Promise<void> {
    if (await this.workers.existsBy({ employerId, passportNumber }))
      throw passportTaken(passportNumber);
  }
}

function passportTaken(passportNumber: string): ApiException {
  return new ApiException(
    409,
    API_ERROR_CODES.CONFLICT,
    {
      fr: `Un salarié avec le numéro de passeport ${passportNumber} est déjà enregistré ici : ouvrez plutôt sa fiche.`,
      en: `A worker with the passport number ${passportNumber} is already registered here: open that worker instead.`,
    },
    [
      {
        field: 'passportNumber',
        message: {
          fr: 'Ce numéro de passeport est déjà enregistré.',
          en: 'This passport number is already registered.',
        },
      },
    ],
  );
}

/** A birth date in the past, from 1900: the rule of worker creation and of the spreadsheet import. */
export function isPlausibleBirthDate(
  birthDate: CalendarDate,
  today: CalendarDate,
): boolean {
  return (
    compareCalendarDates(birthDate, today) < 0 &&
    compareCalendarDates(birthDate, '1900-01-01') >= 0
  );
}

function assertBirthDate(birthDate: CalendarDate, today: CalendarDate): void {
  if (!isPlausibleBirthDate(birthDate, today)) {
    throw new ApiException(
      422,
      API_ERROR_CODES.UNPROCESSABLE,
      {
        fr: `Date de naissance : le ${formatFrenchDate(birthDate)} n'est pas une date de naissance plausible, elle doit être dans le passé.`,
        en: `birthDate ${formatFrenchDate(birthDate)} is not a plausible birth date: it must be in the past.`,
      },
      [
        {
          field: 'birthDate',
          message: {
            fr: 'Saisissez une date de naissance passée.',
            en: 'Enter a birth date in the past.',
          },
        },
      ],
    );
  }
}

/** A passport that is no longer valid today cannot be registered. */
export function assertPassportValid(
  passportExpiry: CalendarDate,
  today: CalendarDate,
): void {
  if (compareCalendarDates(passportExpiry, today) <= 0) {
    throw new ApiException(
      422,
      API_ERROR_CODES.UNPROCESSABLE,
      {
        fr: `Date d'expiration du passeport : ce passeport a expiré le ${formatFrenchDate(passportExpiry)}, saisissez le passeport en cours de validité du salarié.`,
        en: `passportExpiry: this passport expired on ${formatFrenchDate(passportExpiry)}: enter the worker's current passport.`,
      },
      [
        {
          field: 'passportExpiry',
          message: {
            fr: 'Le passeport a déjà expiré.',
            en: 'The passport has already expired.',
          },
        },
      ],
    );
  }
}
