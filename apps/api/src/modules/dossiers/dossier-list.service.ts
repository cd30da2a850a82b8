import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  API_ERROR_CODES,
  DEFAULT_PAGE_SIZE,
  DossierListItem,
  DossierSort,
  DossierSummaryResponse,
  Page,
} from '@moisson/contract';
import {
  addDays,
  CalendarDate,
  DOSSIER_STAGES,
  DossierStage,
  DossierState,
  isCalendarDate,
  statesOfStage,
} from '@moisson/domain';
import { DataSource } from 'typeorm';
import { queryPrepared, SqlParams } from '../../core/database/sql-params';
import { ApiException } from '../../core/http/api-exception';
import { workerSearchCondition } from '../workers/worker-search';
import {
  decodeCursor,
  encodeCursor,
  KeysetPosition,
} from '../../core/http/keyset-cursor';
import { toDossierListItem } from './dossier.mapper';
import {
  DOSSIER_FROM,
  DOSSIER_JOINS,
  DOSSIER_LIST_COLUMNS,
  WORKER_JOIN,
  DossierView,
  dossierViewOf,
} from './dossier-view';
import { convocationOverdueDaysSql } from '../reminders/convocation-overdue-days.sql';
import { normaliseOfficeCode } from './office-code';

export interface DossierFilters {
  state?: DossierState[];
  stage?: DossierStage[];
  campaignId?: string;
  workerId?: string;
  ofiiOffice?: string;
  overdue?: boolean;
  deadlineWithinDays?: number;
  q?: string;
  sort?: DossierSort;
}

interface SortSpec {
  /** ORDER BY, matching an index led by employer_id (see dossier.entity.ts). */
  orderBy: string;
  /** Whether the order is on `dossier` columns alone (the page can be cut before the joins). */
  onDossier: boolean;
  /** Keyset condition on (sort key..., id) after the cursor row. */
  after: (p: SqlParams, at: KeysetPosition) => string;
  key: (d: DossierView) => Array<string | number | null>;
  /** How many values `key` gives (the cursor must carry as many). */
  keySize: number;
  validKey: (values: Array<string | number | null>) => boolean;
}

const SORTS: Record<DossierSort, SortSpec> = {
  plannedStart: {
    orderBy: 'd.planned_start ASC, d.id ASC',
    onDossier: true,
    after: (p, at) =>
      `(d.planned_start, d.id) > (${p.add(at.values[0])}, ${p.add(at.id)})`,
    key: (d) => [d.plannedStart],
    keySize: 1,
    validKey: ([v]) => isCalendarDate(v),
  },
  updatedAt: {
    orderBy: 'd.updated_at DESC, d.id DESC',
    onDossier: true,
    after: (p, at) =>
      `(d.updated_at, d.id) < (${p.add(at.values[0])}, ${p.add(at.id)})`,
    key: (d) => [d.updatedAt],
    keySize: 1,
    validKey: ([v]) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
  },
  surname: {
    orderBy: 'w.surname ASC, w.given_names ASC, d.id ASC',
    onDossier: false,
    after: (p, at) =>
      `(w.surname, w.given_names, d.id) > (${p.add(at.values[0])}, ${p.add(at.values[1])}, ${p.add(at.id)})`,
    key: (d) => [d.worker.surname, d.worker.givenNames],
    keySize: 2,
    validKey: (values) => values.every((v) => typeof v === 'string'),
  },
};

/** Where a list page is picked before its joins (see DossierListService.select). */
type PageCut = 'none' | 'dossier' | 'with worker';

/** The indexes that give both a filter and an order (dossier.entity.ts, BenchIndexes migration). */
const INDEX_ORDERED: Readonly<
  Record<DossierSort, 'unfiltered' | 'unfiltered or one state' | 'never'>
> = {
  // (employer_id, planned_start, id) and (employer_id, state, planned_start, id)
  plannedStart: 'unfiltered or one state',
  // (employer_id, updated_at, id)
  updatedAt: 'unfiltered',
  // on the worker's columns
  surname: 'never',
};

/**
 * Whether the list statement is prepared (planned once per connection) rather than planned on every
 * request: only when one index led by employer_id gives both the filter and the order (no filter, or
 * one state in planned-start order), so that the generic plan walks that index whatever the number
 * of dossiers of the employer. Elsewhere the best plan depends on the employer (80 dossiers or
 * 200,000) and on the values (a state holding 3 or 30,000), and a plan kept for one would be wrong
 * for another: measured on the benchmark seed, a generic plan for `deadlineWithinDays` or a campaign
 * sorts thousands of rows (12 to 50 ms) where the planned one reads 50 index entries.
 * query-plans.integration-spec.ts checks that the generic plan of every prepared shape has no Sort.
 */
export function isIndexOrdered(
  filters: DossierFilters,
  sort: DossierSort,
): boolean {
  if (
    filters.q ||
    filters.campaignId ||
    filters.workerId ||
    filters.ofiiOffice ||
    filters.overdue !== undefined ||
    filters.deadlineWithinDays !== undefined
  )
    return false;
  const states = wantedStates(filters.state, filters.stage);
  if (states === undefined) return INDEX_ORDERED[sort] !== 'never';
  return (
    states.length === 1 && INDEX_ORDERED[sort] === 'unfiltered or one state'
  );
}

/**
 * The dossier list and its CSV export: one statement on `dossier` (joined to its worker and campaign),
 * every filter on indexed columns led by employer_id, keyset-paginated on the chosen sort. Written in
 * SQL with only the columns the list shows (see dossier-view.ts): no entity hydration per row. When
 * neither the filters nor the order involve the worker, the page is cut from `dossier` first and only
 * its rows are joined.
 */
@Injectable()
export class DossierListService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    employerId: string,
    filters: DossierFilters,
    page: { cursor?: string; limit?: number },
    today: CalendarDate,
  ): Promise<Page<DossierListItem>> {
    const sortName = filters.sort ?? 'plannedStart';
    const sort = SORTS[sortName];
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const p = new SqlParams();
    const employer = p.add(employerId);
    const where = conditions(p, employer, filters, today);
    if (page.cursor) {
      const at = decodeCursor(page.cursor, sortName, sort.keySize);
      if (!sort.validKey(at.values)) throw invalidCursor();
      where.push(sort.after(p, at));
    }
    const rows = await this.select(p, employer, where, sort, limit + 1, {
      cut: filters.q ? 'with worker' : sort.onDossier ? 'dossier' : 'none',
      prepared: isIndexOrdered(filters, sortName),
    });
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
    const p = new SqlParams();
    const employer = p.add(employerId);
    const rows = await this.select(
      p,
      employer,
      [`d.employer_id = ${employer}`, `d.id IN (${p.list(ids)})`],
      SORTS.surname,
    );
    return rows.map((d) => toDossierListItem(d, today));
  }

  /**
   * The dashboard's counts in one statement: per stage from `employer_dossier_stats`, which triggers
   * on `dossier` keep in step with every write (FirmConsole migration), so an employer with 200,000
   * dossiers costs one row; the counts that depend on the day are counted on the
   * (employer_id, state, transmitted_on) index.
   */
  async summary(
    employerId: string,
    today: CalendarDate,
  ): Promise<DossierSummaryResponse> {
    const [row] = await queryPrepared<Record<string, number>>(
      this.dataSource,
      'dossier_summary',
      SUMMARY_SQL,
      [employerId, today],
    );
    return {
      stages: Object.fromEntries(
        DOSSIER_STAGES.map((stage) => [stage, row[stage]]),
      ) as Record<DossierStage, number>,
      overdue: row.overdue,
      convoked: row.convoked,
    };
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

  /**
   * `cut`: where the page (with a limit) is picked before the campaign join and the formatting.
   * `dossier`: the WHERE and ORDER BY name only `dossier` columns, so the page is cut from `dossier`
   * alone (a row whose worker belongs to another employer, which the writes never create, would
   * then shorten the page instead of being skipped). `with worker`: a text search, its worker
   * joined: a common surname matches thousands of dossiers before the sort keeps 50 (backend CPU
   * 33 -> 26 ms on the seed). `none`: one join (the surname order without a search, measured
   * cheaper so: 1.4 against 2.1 ms), or no limit.
   */
  private async select(
    p: SqlParams,
    employer: string,
    where: string[],
    sort: SortSpec,
    limit?: number,
    how: { cut: PageCut; prepared: boolean } = { cut: 'none', prepared: false },
  ): Promise<DossierView[]> {
    const columns = `${DOSSIER_LIST_COLUMNS},
       ${convocationOverdueDaysSql(employer)} AS "overdueDays"`;
    const filter = `WHERE ${where.join(' AND ')} ORDER BY ${sort.orderBy}`;
    const limitSql = limit === undefined ? '' : ` LIMIT ${p.add(limit)}`;
    const text =
      how.cut === 'none' || limit === undefined
        ? `SELECT ${columns} FROM ${DOSSIER_FROM} ${filter}${limitSql}`
        : `SELECT ${columns}
       FROM (SELECT d.* FROM "dossier" d ${how.cut === 'with worker' ? WORKER_JOIN : ''}
             ${filter}${limitSql}) d
       ${DOSSIER_JOINS}
       ORDER BY ${sort.orderBy}`;
    const rows: Array<Record<string, unknown>> = how.prepared
      ? await queryPrepared(
          this.dataSource,
          `dossier_list_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`,
          text,
          p.values,
        )
      : await this.dataSource.query(text, p.values);
    return rows.map(dossierViewOf);
  }
}

/**
 * The dashboard's counts (see summary); one index range per count, whatever the employer. Overdue as
 * the list's overdue=true: waiting for the employer's "overdue after" days or more.
 */
const SUMMARY_SQL = `SELECT ${DOSSIER_STAGES.map((stage) => `coalesce(s.stage_${stage}, 0) AS "${stage}"`).join(', ')},
    (SELECT count(*)::int FROM "dossier" d
     WHERE d.employer_id = e.id AND d.state = 'AWAITING_OFII'
       AND d.transmitted_on <= $2::date - ${convocationOverdueDaysSql('$1')}) AS overdue,
    (SELECT count(*)::int FROM "dossier" d
     WHERE d.employer_id = e.id AND d.state = 'OFII_CONVOKED') AS convoked
  FROM (SELECT $1::uuid AS id) e
  LEFT JOIN employer_dossier_stats s ON s.employer_id = e.id`;

/** The WHERE conditions of the filters, led by the employer (`employer`: its placeholder). */
function conditions(
  p: SqlParams,
  employer: string,
  filters: DossierFilters,
  today: CalendarDate,
): string[] {
  const where = [`d.employer_id = ${employer}`];
  const states = wantedStates(filters.state, filters.stage);
  if (states !== undefined)
    where.push(
      states.length === 0 ? 'false' : `d.state IN (${p.list(states)})`,
    );
  if (filters.campaignId)
    where.push(`d.campaign_id = ${p.add(filters.campaignId)}`);
  // (employer_id, worker_id, season): a worker has one dossier per season.
  if (filters.workerId) where.push(`d.worker_id = ${p.add(filters.workerId)}`);
  if (filters.ofiiOffice)
    where.push(
      `d.ofii_office = ${p.add(normaliseOfficeCode(filters.ofiiOffice))}`,
    );
  if (filters.overdue !== undefined) {
    // isConvocationOverdue of @moisson/domain: in AWAITING_OFII for the employer's days or more.
    const cutoff = `${p.add(today)}::date - ${convocationOverdueDaysSql(employer)}`;
    const overdue = `(d.state = 'AWAITING_OFII' AND d.transmitted_on <= ${cutoff})`;
    where.push(filters.overdue ? overdue : `NOT coalesce(${overdue}, false)`);
  }
  if (filters.deadlineWithinDays !== undefined)
    where.push(
      `d.legal_deadline_on BETWEEN ${p.add(today)} AND ${p.add(addDays(today, filters.deadlineWithinDays))}`,
    );
  if (filters.q) {
    const search = workerSearchCondition('w', filters.q);
    where.push(p.named(search.sql, search.params));
  }
  return where;
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

function invalidCursor(): ApiException {
  return new ApiException(400, API_ERROR_CODES.BAD_REQUEST, {
    fr: "Le curseur n'est pas valide : recommencez à partir de la première page.",
    en: 'The cursor is not valid: start again from the first page.',
  });
}
