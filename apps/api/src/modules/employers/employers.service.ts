import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  API_ERROR_CODES,
  CreateEmployerRequest,
  EmployerResponse,
  isFirmRole,
  Page,
} from '@moisson/contract';
import { Repository } from 'typeorm';
import { employerNotFound } from '../../core/auth/access.service';
import type { AuthContext, RequestMeta } from '../../core/auth/auth-context';
import { ApiException } from '../../core/http/api-exception';
import { decodeCursor, encodeCursor } from '../../core/http/keyset-cursor';
import { AuditService } from '../audit/audit.service';
import { UserEntity } from '../users/entities/user.entity';
import { EmployerEntity } from './entities/employer.entity';

const PAGE_SIZE = 50;

/** Employer accounts (farms). Firm admins create and edit them; scope checks are in AccessService. */
@Injectable()
export class EmployersService {
  constructor(
    @InjectRepository(EmployerEntity)
    private readonly employers: Repository<EmployerEntity>,
    @InjectRepository(UserEntity)
    private readonly users: Repository<UserEntity>,
    private readonly audit: AuditService,
  ) {}

  /** Firm staff: every employer, by legal name, keyset-paginated. */
  async list(
    search: string | undefined,
    cursor: string | undefined,
  ): Promise<Page<EmployerResponse>> {
    const q = this.employers
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.assignedStaff', 's')
      .orderBy('e.legal_name', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(PAGE_SIZE + 1);
    if (search) {
      q.andWhere(
        '(e.legal_name ILIKE :s OR e.siret LIKE :d OR e.city ILIKE :s)',
        {
          s: `%${search.replace(/[%_\\]/g, '\\$&')}%`,
          d: `${search.replace(/\D/g, '') || '-'}%`,
        },
      );
    }
    if (cursor) {
      const { values, id } = decodeCursor(cursor, 'legalName', 1);
      q.andWhere('(e.legal_name, e.id) > (:name, :id)', {
        name: values[0],
        id,
      });
    }
    const rows = await q.getMany();
    const page = rows.slice(0, PAGE_SIZE);
    const counts = await this.userCounts(page.map((e) => e.id));
    const last = page[page.length - 1];
    return {
      items: page.map((e) => toEmployerResponse(e, counts.get(e.id) ?? 0)),
      nextCursor:
        rows.length > PAGE_SIZE && last
          ? encodeCursor({
              sort: 'legalName',
              values: [last.legalName],
              id: last.id,
            })
          : null,
    };
  }

  async get(employer: EmployerEntity): Promise<EmployerResponse> {
    const counts = await this.userCounts([employer.id]);
    return toEmployerResponse(employer, counts.get(employer.id) ?? 0);
  }

  /**
   * The employer (its referent and user count) in one statement, for the routes that read it often
   * (the dashboard); the caller has checked access (AccessService). 404 when unknown.
   */
  async getById(id: string): Promise<EmployerResponse> {
    const { entities, raw } = await this.employers
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.assignedStaff', 's')
      .addSelect(
        (sub) =>
          sub
            .select('count(*)::int')
            .from(UserEntity, 'u')
            .where('u.employer_id = e.id'),
        'user_count',
      )
      .where('e.id = :id', { id })
      .getRawAndEntities<{ user_count: number }>();
    const [employer] = entities;
    if (!employer) throw employerNotFound(id);
    return toEmployerResponse(employer, raw[0].user_count);
  }

  async create(
    by: AuthContext,
    input: CreateEmployerRequest,
    meta: RequestMeta,
  ): Promise<EmployerResponse> {
    await this.assertSiretFree(input.siret);
    await this.assertStaff(input.assignedStaffId);
    const saved = await this.employers.save(
      this.employers.create({
        ...input,
        ofiiOffice: input.ofiiOffice ?? null,
        consulate: input.consulate ?? null,
        assignedStaffId: input.assignedStaffId ?? null,
      }),
    );
    await this.audit.record({
      action: 'employer.created',
      actor: by.user,
      employerId: saved.id,
      targetType: 'employer',
      targetId: saved.id,
      ip: meta.ip,
      details: { legalName: saved.legalName, siret: saved.siret },
    });
    return this.get(
      await this.employers.findOneOrFail({
        where: { id: saved.id },
        relations: { assignedStaff: true },
      }),
    );
  }

  async update(
    by: AuthContext,
    employer: EmployerEntity,
    input: Partial<CreateEmployerRequest>,
    meta: RequestMeta,
  ): Promise<EmployerResponse> {
    if (input.siret && input.siret !== employer.siret)
      await this.assertSiretFree(input.siret);
    if (input.assignedStaffId !== undefined)
      await this.assertStaff(input.assignedStaffId);
    const changed = Object.keys(input).filter(
      (k) => input[k as keyof CreateEmployerRequest] !== undefined,
    );
    await this.employers.update({ id: employer.id }, { ...input });
    await this.audit.record({
      action: 'employer.updated',
      actor: by.user,
      employerId: employer.id,
      targetType: 'employer',
      targetId: employer.id,
      ip: meta.ip,
      details: { fields: changed },
    });
    return this.get(
      await this.employers.findOneOrFail({
        where: { id: employer.id },
        relations: { assignedStaff: true },
      }),
    );
  }

  private async assertSiretFree(siret: string): Promise<void> {
    if (await this.employers.existsBy({ siret })) {
      throw new ApiException(
        409,
        API_ERROR_CODES.CONFLICT,
        {
          fr: `Un employeur avec le SIRET ${siret} existe déjà.`,
          en: `An employer with the SIRET ${siret} already exists.`,
        },
        [
          {
            field: 'siret',
            message: {
              fr: 'Ce SIRET est déjà enregistré.',
              en: 'This SIRET is already registered.',
            },
          },
        ],
      );
    }
  }

  private async assertStaff(userId: string | null | undefined): Promise<void> {
    if (!userId) return;
    const user = await this.users.findOneBy({ id: userId });
    if (!user || !isFirmRole(user.role) || user.disabledAt) {
      throw new ApiException(
        422,
        API_ERROR_CODES.UNPROCESSABLE,
        {
          fr: 'Juriste référent : choisissez un membre actif du cabinet.',
          en: 'assignedStaffId must be an active member of the firm.',
        },
        [
          {
            field: 'assignedStaffId',
            message: {
              fr: 'Choisissez un membre actif du cabinet.',
              en: 'Choose an active member of the firm.',
            },
          },
        ],
      );
    }
  }

  private async userCounts(ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.users
      .createQueryBuilder('u')
      .select('u.employer_id', 'employerId')
      .addSelect('count(*)::int', 'count')
      .where('u.employer_id IN (:...ids)', { ids })
      .groupBy('u.employer_id')
      .getRawMany<{ employerId: string; count: number }>();
    return new Map(rows.map((r) => [r.employerId, r.count]));
  }
}

export function toEmployerResponse(
  e: EmployerEntity,
  userCount: number,
): EmployerResponse {
  return {
    id: e.id,
    legalName: e.legalName,
    siret: e.siret,
    addressLine: e.addressLine,
    postalCode: e.postalCode,
    city: e.city,
    departement: e.departement,
    sector: e.sector,
    ofiiOffice: e.ofiiOffice,
    consulate: e.consulate,
    assignedStaff: e.assignedStaff
      ? { id: e.assignedStaff.id, fullName: e.assignedStaff.fullName }
      : null,
    userCount,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
