import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  API_ERROR_CODES,
  DEFAULT_PAGE_SIZE,
  EmployerOverviewPage,
  EmployerOverviewQuery,
  EmployerOverviewRow,
  EmployerOverviewSort,
} from '@moisson/contract';
import {
  addDays,
  CalendarDate,
  daysBetween,
  DossierStage,
  LegalDeadlineKind,
} from '@moisson/domain';
import { DataSource } from 'typeorm';
import {
  calendarDateSql,
  isoInstantSql,
  SqlParams,
} from '../../core/database/sql-params';
import { ApiException } from '../../core/http/api-exception';
import { convocationOverdueDaysSql } from '../reminders/convocation-overdue-days.sql';
import {
  decodeCursor,
  encodeCursor,
  KeysetPosition,
} from '../../core/http/keyset-cursor';
import { normaliseOfficeCode } from '../dossiers/office-code';

/** States of a refusal with no appeal recorded (the CRRV or the court window runs). */
export const UNAPPEALED_REFUSAL_STATES = [
  'VISA_REFUSED',
  'VISA_REFUSED_VERBAL',
  'VISA_REFUSED_IMPLICIT',
  'CRRV_REJECTED',
  'CRRV_REJECTED_IMPLICIT',
] as const;
const REFUSAL_STATES_SQL = UNAPPEALED_REFUSAL_STATES.map((s) => `'${s}'`).join(
  ', ',
);

interface SortSpec {
  /**
   * The sort key of a filtered row, typed (no formatting: it is computed for every filtered
   * employer); its text form goes into the cursor and is cast back with `cast`.
   */
  key: (p: SqlParams, today: CalendarDate) => string;
  /** A join the key reads, if any. */
  join?: (p: SqlParams, today: CalendarDate) => string;
  cast: 'text' | 'int' | 'date' | 'timestamptz';
  orderBy: string;
  /** With a tie-breaker on the legal name (cursor values: key, legal name). */
  byName: boolean;
  descending: boolean;
}

const SORTS: Record<EmployerOverviewSort, SortSpec> = {
  name: {
    key: () => `e.legal_name`,
    cast: 'text',
    orderBy: 'sort_key ASC, id ASC',
    byName: false,
    descending: false,
  },
  activeDossiers: {
    key: () => `coalesce(s.active, 0)`,
    cast: 'int',
    orderBy: 'sort_key DESC, id DESC',
    byName: false,
    descending: true,
  },
  longestWait: {
    key: () => `coalesce(s.oldest_transmitted_on, 'infinity'::date)`,
    cast: 'date',
    orderBy: 'sort_key ASC, legal_name ASC, id ASC',
    byName: true,
    descending: false,
  },
  appealDeadline: {
    // One pass over the partial index dossier_employer_appeal_window_idx (only refusals without
    // an appeal), grouped by employer: cheaper than probing it once per employer.
    join: (p, today) => `LEFT JOIN (
        SELECT d.employer_id, min(d.legal_deadline_on) AS next_on FROM dossier d
        WHERE d.state IN (${REFUSAL_STATES_SQL}) AND d.legal_deadline_on >= ${p.add(today)}::date
        GROUP BY d.employer_id) appeal ON appeal.employer_id = e.id`,
    key: () => `coalesce(appeal.next_on, 'infinity'::date)`,
    cast: 'date',
    orderBy: 'sort_key ASC, legal_name ASC, id ASC',
    byName: true,
    descending: false,
  },
  lastActivity: {
    key: () => `coalesce(s.last_activity_at, '-infinity'::timestamptz)`,
    cast: 'timestamptz',
    orderBy: 'sort_key DESC, id DESC',
    byName: false,
    descending: true,
  },
};

/** The keyset condition after the cursor row, in the sort's direction. */
function after(p: SqlParams, sort: SortSpec, at: KeysetPosition): string {
  const key = `${p.add(at.values[0])}::${sort.cast}`;
  const id = `${p.add(at.id)}::uuid`;
  return sort.byName
    ? `(sort_key, legal_name, id) > (${key}, ${p.add(at.values[1])}, ${id})`
    : `(sort_key, id) ${sort.descending ? '<' : '>'} (${key}, ${id})`;
}

const STAGE_COLUMNS = {
  preparation: 'stage_preparation',
  work_permit: 'stage_work_permit',
  ofii: 'stage_ofii',
  visa: 'stage_visa',
  appeals: 'stage_appeals',
  arrival: 'stage_arrival',
  residence: 'stage_residence',
  return: 'stage_return',
  ended: 'stage_ended',
} as const satisfies Record<DossierStage, string>;

type OverviewRaw = Record<string, string | number | null> & {
  id: string;
  legal_name: string;
  sort_key: string;
};

/**
 * The firm's employers overview: one statement that reads the counters of employer_dossier_stats
 * (never counting dossiers live) for the filtered employers, picks one keyset page, then probes
 * three partial or composite indexes of `dossier` for the page's employers only: convocations
 * overdue today, the nearest appeal deadline, the next legal deadline.
 */
@Injectable()
export class EmployerOverviewService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async overview(
    staffUserId: string,
    query: EmployerOverviewQuery,
    today: CalendarDate,
  ): Promise<EmployerOverviewPage> {
    const sortName = query.sort ?? 'name';
    const sort = SORTS[sortName];
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const p = new SqlParams();
    const sortJoin = sort.join?.(p, today) ?? '';
    const sortKey = sort.key(p, today);
    const where = filters(p, staffUserId, query, today);
    const afterCursor: string[] = [];
    if (query.cursor) {
      const at = decodeCursor(query.cursor, sortName, sort.byName ? 2 : 1);
      if (!at.values.every((v) => typeof v === 'string')) throw badCursor();
      afterCursor.push(after(p, sort, at));
    }
    const todayParam = p.add(today);
    const rows: OverviewRaw[] = await this.dataSource.query(
      // f: the filtered employers with their sort key only (10,000 rows at most, no formatting);
      // page: one keyset page of them; then the page's 51 rows are read and formatted.
      `WITH f AS (
         SELECT e.id, e.legal_name, ${sortKey} AS sort_key
         FROM employer e
         LEFT JOIN employer_dossier_stats s ON s.employer_id = e.id
         ${sortJoin}
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ), page AS (
         SELECT * FROM f ${afterCursor.length ? `WHERE ${afterCursor.join(' AND ')}` : ''}
         ORDER BY ${sort.orderBy} LIMIT ${p.add(limit + 1)}
       )
       SELECT page.id, page.legal_name, page.sort_key::text AS sort_key,
         e.siret, e.city, e.departement, e.ofii_office, e.assigned_staff_id,
         u.full_name AS staff_name, coalesce(s.active, 0) AS active,
         ${Object.values(STAGE_COLUMNS)
           .map((c) => `coalesce(s.${c}, 0) AS ${c}`)
           .join(', ')},
         coalesce(s.awaiting_ofii, 0) AS awaiting_ofii,
         ${calendarDateSql('s.oldest_transmitted_on')} AS oldest_transmitted_on,
         coalesce(s.refusals_unappealed, 0) AS refusals_unappealed,
         ${isoInstantSql('s.last_activity_at')} AS last_activity_at,
         (SELECT count(*)::int FROM f) AS total,
         ov.n AS overdue, ${convocationOverdueDaysSql('page.id')} AS overdue_days,
         ap.id AS appeal_dossier_id, ap.legal_deadline_kind AS appeal_kind,
         ${calendarDateSql('ap.legal_deadline_on')} AS appeal_on,
         nx.legal_deadline_kind AS next_kind, ${calendarDateSql('nx.legal_deadline_on')} AS next_on
       FROM page
       JOIN employer e ON e.id = page.id
       LEFT JOIN employer_dossier_stats s ON s.employer_id = page.id
       LEFT JOIN app_user u ON u.id = e.assigned_staff_id
       LEFT JOIN LATERAL (
         SELECT count(*)::int AS n FROM dossier d
         WHERE s.awaiting_ofii > 0 AND d.employer_id = page.id
           AND d.state = 'AWAITING_OFII'
           AND d.transmitted_on <= ${todayParam}::date - ${convocationOverdueDaysSql('page.id')}
       ) ov ON true
       LEFT JOIN LATERAL (
         SELECT d.id, d.legal_deadline_kind, d.legal_deadline_on FROM dossier d
         WHERE s.refusals_unappealed > 0 AND d.employer_id = page.id
           AND d.state IN (${REFUSAL_STATES_SQL}) AND d.legal_deadline_on >= ${todayParam}::date
         ORDER BY d.legal_deadline_on, d.id LIMIT 1
       ) ap ON true
       LEFT JOIN LATERAL (
         SELECT d.legal_deadline_kind, d.legal_deadline_on FROM dossier d
         WHERE d.employer_id = page.id AND d.legal_deadline_on >= ${todayParam}::date
         ORDER BY d.legal_deadline_on LIMIT 1
       ) nx ON true
       ORDER BY ${sort.orderBy.replace(/sort_key/g, 'page.sort_key').replace(/\b(legal_name|id) /g, 'page.$1 ')}`,
      p.values,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((r) => toRow(r, today)),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({
              sort: sortName,
              values: sort.byName
                ? [last.sort_key, last.legal_name]
                : [last.sort_key],
              id: last.id,
            })
          : null,
      total: rows.length
        ? Number(rows[0].total)
        : await this.count(staffUserId, query, today),
      today,
    };
  }

  /** The total when the page is empty (a cursor past the end): the filters alone. */
  private async count(
    staffUserId: string,
    query: EmployerOverviewQuery,
    today: CalendarDate,
  ): Promise<number> {
    const p = new SqlParams();
    const where = filters(p, staffUserId, query, today);
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM employer e
       LEFT JOIN employer_dossier_stats s ON s.employer_id = e.id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
      p.values,
    );
    return Number(row.n);
  }
}

function filters(
  p: SqlParams,
  staffUserId: string,
  query: EmployerOverviewQuery,
  today: CalendarDate,
): string[] {
  const where: string[] = [];
  if (query.assignedToMe)
    where.push(`e.assigned_staff_id = ${p.add(staffUserId)}::uuid`);
  if (query.assignedStaffId === 'none')
    where.push('e.assigned_staff_id IS NULL');
  else if (query.assignedStaffId)
    where.push(`e.assigned_staff_id = ${p.add(query.assignedStaffId)}::uuid`);
  if (query.departement)
    where.push(`e.departement = ${p.add(query.departement)}`);
  if (query.ofiiOffice)
    where.push(
      `e.ofii_office = ${p.add(normaliseOfficeCode(query.ofiiOffice))}`,
    );
  if (query.q) {
    const words = `%${query.q.replace(/[%_\\]/g, '\\$&')}%`;
    const digits = query.q.replace(/\D/g, '');
    where.push(
      `(e.legal_name ILIKE ${p.add(words)}${digits.length >= 3 ? ` OR e.siret LIKE ${p.add(`${digits}%`)}` : ''})`,
    );
  }
  if (query.overdue !== undefined) {
    const overdue = `s.oldest_transmitted_on <= ${p.add(today)}::date - ${convocationOverdueDaysSql('e.id')}`;
    where.push(query.overdue ? overdue : `NOT coalesce(${overdue}, false)`);
  }
  if (query.unappealedRefusals !== undefined)
    where.push(
      query.unappealedRefusals
        ? 's.refusals_unappealed > 0'
        : 'coalesce(s.refusals_unappealed, 0) = 0',
    );
  if (query.deadlineWithinDays !== undefined)
    where.push(`EXISTS (SELECT 1 FROM dossier d WHERE d.employer_id = e.id
      AND d.legal_deadline_on BETWEEN ${p.add(today)}::date
      AND ${p.add(addDays(today, query.deadlineWithinDays))}::date)`);
  return where;
}

function toRow(r: OverviewRaw, today: CalendarDate): EmployerOverviewRow {
  const int = (column: string) => Number(r[column] ?? 0);
  const text = (column: string) => r[column] as string | null;
  const awaiting = int('awaiting_ofii');
  const oldest = text('oldest_transmitted_on');
  const appealOn = text('appeal_on');
  const nextOn = text('next_on');
  return {
    employer: {
      id: r.id,
      legalName: r.legal_name,
      siret: text('siret') ?? '',
      city: text('city') ?? '',
      departement: text('departement') ?? '',
      ofiiOffice: text('ofii_office'),
    },
    assignedStaff: r.assigned_staff_id
      ? { id: String(r.assigned_staff_id), fullName: text('staff_name') ?? '' }
      : null,
    activeDossiers: int('active'),
    dossiersByStage: Object.fromEntries(
      Object.entries(STAGE_COLUMNS).map(([stage, column]) => [
        stage,
        int(column),
      ]),
    ) as EmployerOverviewRow['dossiersByStage'],
    convocations: {
      awaiting,
      overdue: int('overdue'),
      thresholdDays: int('overdue_days'),
      longestWaitDays:
        awaiting > 0 && oldest ? daysBetween(oldest, today) : null,
    },
    refusals: {
      withoutAppeal: int('refusals_unappealed'),
      nearestDeadline:
        appealOn && r.appeal_dossier_id
          ? {
              kind: text('appeal_kind') as 'crrv_appeal' | 'court_appeal',
              date: appealOn,
              daysLeft: daysBetween(today, appealOn),
              dossierId: String(r.appeal_dossier_id),
            }
          : null,
    },
    nextLegalDeadline: nextOn
      ? {
          kind: text('next_kind') as LegalDeadlineKind,
          date: nextOn,
          daysLeft: daysBetween(today, nextOn),
        }
      : null,
    lastActivityAt: text('last_activity_at'),
  };
}

function badCursor(): ApiException {
  return new ApiException(400, API_ERROR_CODES.BAD_REQUEST, {
    fr: "Le curseur n'est pas valide : recommencez à partir de la première page.",
    en: 'The cursor is not valid: start again from the first page.',
  });
}
