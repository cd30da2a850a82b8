import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  API_ERROR_CODES,
  DEFAULT_PAGE_SIZE,
  DossierListItem,
  DossierSort,
  Page,
} from '@moisson/contract';
import {
  addDays,
  CalendarDate,
  DEFAULT_CONVOCATION_OVERDUE_DAYS,
  DossierStage,
  DossierState,
  isCalendarDate,
  statesOfStage,
} from '@moisson/domain';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { ApiException } from '../../core/http/api-exception';
import { workerSearchCondition } from '../workers/worker-search';
import {
  decodeCursor,
  encodeCursor,
  KeysetPosition,
} from '../../core/http/keyset-cursor';
import { DossierWithWorker, toDossierListItem } from './dossier.mapper';
import { DossierEntity } from './entities/dossier.entity';
import { normaliseOfficeCode } from './office-code';

export interface DossierFilters {
  state?: DossierState[];
  stage?: DossierStage[];
  campaignId?: string;
  ofiiOffice?: string;
  overdue?: boolean;
  deadlineWithinDays?: number;
  q?: string;
  sort?: DossierSort;
}

interface SortSpec {
  orderBy: Array<[string, 'ASC' | 'DESC']>;
  /** Keyset condition on (sort key..., id) after the cursor row. */
  after: string;
  key: (d: DossierWithWorker) => Array<string | number | null>;
  /** How many values `key` gives (the cursor must carry as many). */
  keySize: number;
  validKey: (values: Array<string | number | null>) => boolean;
}

const SORTS: Record<DossierSort, SortSpec> = {
  plannedStart: {
    orderBy: [
      ['d.planned_start', 'ASC'],
      ['d.id', 'ASC'],
    ],
    after: '(d.planned_start, d.id) > (:c0, :cid)',
    key: (d) => [d.plannedStart],
    keySize: 1,
    validKey: ([v]) => isCalendarDate(v),
  },
  updatedAt: {
    orderBy: [
      ['d.updated_at', 'DESC'],
      ['d.id', 'DESC'],
    ],
    after: '(d.updated_at, d.id) < (:c0, :cid)',
    key: (d) => [d.updatedAt.toISOString()],
    keySize: 1,
    validKey: ([v]) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
  },
  surname: {
    orderBy: [
      ['w.surname', 'ASC'],
      ['w.given_names', 'ASC'],
      ['d.id', 'ASC'],
    ],
    after: '(w.surname, w.given_names, d.id) > (:c0, :c1, :cid)',
    key: (d) => [d.worker.surname, d.worker.givenNames],
    keySize: 2,
    validKey: (values) => values.every((v) => typeof v === 'string'),
  },
};

/**
 * The dossier list and its CSV export: one query on `dossier` (joined to its worker and campaign),
 * every filter on indexed columns led by employer_id, keyset-paginated on the chosen sort.
 */
@Injectable()
export class DossierListService {
  constructor(
    @InjectRepository(DossierEntity)
    private readonly dossiers: Repository<DossierEntity>,
  ) {}

  async list(
    employerId: string,
    filters: DossierFilters,
    page: { cursor?: string; limit?: number },
    today: CalendarDate,
  ): Promise<Page<DossierListItem>> {
    const sortName = filters.sort ?? 'plannedStart';
    const sort = SORTS[sortName];
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const qb = this.filtered(employerId, filters, today).limit(limit + 1);
    for (const [column, direction] of sort.orderBy)
      qb.addOrderBy(column, direction);
    if (page.cursor) {
      const at = decodeCursor(page.cursor, sortName, sort.keySize);
      if (!sort.validKey(at.values)) throw invalidCursor();
      qb.andWhere(sort.after, cursorParams(at));
    }
    const rows = (await qb.getMany()) as DossierWithWorker[];
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((d) => toDossierListItem(d, today)),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({
              sort: sortName,
              values: sort.key(last),
              id: last.id,
            })
          : null,
    };
  }

  /** Some dossiers of the employer by id, in list shape (e.g. after a group transition). */
  async byIds(
    employerId: string,
    ids: string[],
    today: CalendarDate,
  ): Promise<DossierListItem[]> {
    if (ids.length === 0) return [];
    const rows = (await this.base(employerId)
      .andWhere('d.id IN (:...ids)', { ids })
      .orderBy('w.surname', 'ASC')
      .addOrderBy('w.given_names', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .getMany()) as DossierWithWorker[];
    return rows.map((d) => toDossierListItem(d, today));
  }

  /** Every dossier matching the filters, page after page, for the CSV export. */
  async *all(
    employerId: string,
    filters: DossierFilters,
    today: CalendarDate,
    batchSize = 500,
  ): AsyncGenerator<DossierListItem> {
    let cursor: string | undefined;
    do {
      const page = await this.list(
        employerId,
        filters,
        { cursor, limit: batchSize },
        today,
      );
      yield* page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  private base(employerId: string): SelectQueryBuilder<DossierEntity> {
    return this.dossiers
      .createQueryBuilder('d')
      .innerJoinAndSelect('d.worker', 'w', 'w.employer_id = d.employer_id')
      .leftJoinAndSelect('d.campaign', 'c')
      .where('d.employer_id = :employerId', { employerId });
  }

  private filtered(
    employerId: string,
    filters: DossierFilters,
    today: CalendarDate,
  ): SelectQueryBuilder<DossierEntity> {
    const qb = this.base(employerId);
    const states = wantedStates(filters.state, filters.stage);
    if (states !== undefined) {
      if (states.length === 0) qb.andWhere('false');
      else qb.andWhere('d.state IN (:...states)', { states });
    }
    if (filters.campaignId)
      qb.andWhere('d.campaign_id = :campaignId', {
        campaignId: filters.campaignId,
      });
    if (filters.ofiiOffice)
      qb.andWhere('d.ofii_office = :ofiiOffice', {
        ofiiOffice: normaliseOfficeCode(filters.ofiiOffice),
      });
    if (filters.overdue !== undefined) {
      // isConvocationOverdue of @moisson/domain: in AWAITING_OFII for 30 days or more.
      const overdue = `(d.state = 'AWAITING_OFII' AND d.transmitted_on <= :overdueCutoff)`;
      qb.andWhere(
        filters.overdue ? overdue : `NOT coalesce(${overdue}, false)`,
        {
          overdueCutoff: addDays(today, -DEFAULT_CONVOCATION_OVERDUE_DAYS),
        },
      );
    }
    if (filters.deadlineWithinDays !== undefined)
      qb.andWhere('d.legal_deadline_on BETWEEN :today AND :deadlineLimit', {
        today,
        deadlineLimit: addDays(today, filters.deadlineWithinDays),
      });
    if (filters.q) {
      const search = workerSearchCondition('w', filters.q);
      qb.andWhere(search.sql, search.params);
    }
    return qb;
  }
}

/** The states both filters allow; undefined when neither is given. */
export function wantedStates(
  states: DossierState[] | undefined,
  stages: DossierStage[] | undefined,
): DossierState[] | undefined {
  const byStage = stages?.flatMap((stage) => statesOfStage(stage));
  if (states && byStage) return states.filter((s) => byStage.includes(s));
  return states ?? byStage;
}

function cursorParams(at: KeysetPosition): Record<string, unknown> {
  const params: Record<string, unknown> = { cid: at.id };
  at.values.forEach((value, i) => (params[`c${i}`] = value));
  return params;
}

function invalidCursor(): ApiException {
  return new ApiException(400, API_ERROR_CODES.BAD_REQUEST, {
    fr: "Le curseur n'est pas valide : recommencez à partir de la première page.",
    en: 'The cursor is not valid: start again from the first page.',
  });
}
