import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AgendaItem,
  AgendaItemKind,
  API_ERROR_CODES,
  DEFAULT_PAGE_SIZE,
  Page,
} from '@moisson/contract';
import {
  CalendarDate,
  COMPUTED_DEADLINE_NOTICE,
  daysBetween,
  dossierClockLabel,
  DossierState,
  isLegalDeadlineKind,
  RecordedTransitionData,
  runningDeadlines,
} from '@moisson/domain';
import { DataSource } from 'typeorm';
import { calendarDateSql, SqlParams } from '../../core/database/sql-params';
import { ApiException } from '../../core/http/api-exception';
import { decodeCursor, encodeCursor } from '../../core/http/keyset-cursor';

/** Whose dossiers: every employer, one employer, or the employers assigned to a staff member. */
export type AgendaScope =
  | { kind: 'all' }
  | { kind: 'employer'; employerId: string }
  | { kind: 'assigned'; staffUserId: string };

export interface AgendaFilters {
  kinds?: AgendaItemKind[];
  employerId?: string;
}

const APPOINTMENT_DATE = `(d.recorded #>> '{OFII_CONVOKED,appointmentDate}')`;
/** Item ids: `${dossierId}:${kind}:${date}`, sortable with the date. */
const ITEM_ID_PATTERN = /^[0-9a-f-]{36}:[a-z_]+:\d{4}-\d{2}-\d{2}$/;

interface AgendaRaw {
  item_id: string;
  due_on: string;
  kind: AgendaItemKind;
  dossier_id: string;
  employer_id: string;
  legal_name: string;
  state: DossierState;
  ofii_office: string | null;
  planned_start: string;
  recorded: RecordedTransitionData;
  surname: string;
  given_names: string;
}

/**
 * The running legal deadlines (dossier.legal_deadline_on, the deadline of the current state as
 * @moisson/domain computed it at the transition) and the OFII appointments (recorded with the
 * convocation, while the dossier is OFII_CONVOKED) of many dossiers, by date. Two index range scans
 * (legal_deadline_on, and the appointment-date expression index) merged by date; labels, roll-over
 * flags and the notice come from @moisson/domain.
 */
@Injectable()
export class AgendaService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The deadlines list: keyset pages sorted by (date, item id). */
  async page(
    scope: AgendaScope,
    filters: AgendaFilters,
    range: { from: CalendarDate; to: CalendarDate },
    page: { cursor?: string; limit?: number },
    today: CalendarDate,
  ): Promise<Page<AgendaItem>> {
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const p = new SqlParams();
    let after = '';
    if (page.cursor) {
      const at = decodeCursor(page.cursor, 'date', 1, ITEM_ID_PATTERN);
      if (typeof at.values[0] !== 'string') throw badCursor();
      after = `WHERE (x.due_on, x.item_id) > (${p.add(at.values[0])}, ${p.add(at.id)})`;
    }
    const rows = await this.select(
      p,
      scope,
      filters,
      range,
      after,
      'x.due_on, x.item_id',
      limit + 1,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((r) => toAgendaItem(r, today)),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({
              sort: 'date',
              values: [last.due_on],
              id: last.item_id,
            })
          : null,
    };
  }

  /** Everything in a date range (calendar views, ICS feeds), at most `max` items. */
  async range(
    scope: AgendaScope,
    filters: AgendaFilters,
    range: { from: CalendarDate; to: CalendarDate },
    today: CalendarDate,
    max: number,
  ): Promise<{ items: AgendaItem[]; truncated: boolean }> {
    const rows = await this.select(
      new SqlParams(),
      scope,
      filters,
      range,
      '',
      'x.due_on, x.legal_name, x.item_id',
      max + 1,
    );
    return {
      items: rows.slice(0, max).map((r) => toAgendaItem(r, today)),
      truncated: rows.length > max,
    };
  }

  private async select(
    p: SqlParams,
    scope: AgendaScope,
    filters: AgendaFilters,
    range: { from: CalendarDate; to: CalendarDate },
    after: string,
    orderBy: string,
    limit: number,
  ): Promise<AgendaRaw[]> {
    const common: string[] = [];
    if (scope.kind === 'employer')
      common.push(`d.employer_id = ${p.add(scope.employerId)}::uuid`);
    if (scope.kind === 'assigned')
      common.push(`e.assigned_staff_id = ${p.add(scope.staffUserId)}::uuid`);
    if (filters.employerId)
      common.push(`d.employer_id = ${p.add(filters.employerId)}::uuid`);
    const legalKinds = (filters.kinds ?? []).filter(
      (k) => k !== 'ofii_appointment',
    );
    const wantLegal = !filters.kinds || legalKinds.length > 0;
    const wantAppointments =
      !filters.kinds || filters.kinds.includes('ofii_appointment');
    const parts: string[] = [];
    const columns = (kind: string, on: string) => `
      d.id || ':' || ${kind} || ':' || ${on} AS item_id, ${on} AS due_on, ${kind} AS kind,
      d.id AS dossier_id, d.employer_id, e.legal_name, d.state, d.ofii_office,
      ${calendarDateSql('d.planned_start')} AS planned_start, d.recorded, d.worker_id`;
    const from_ = `FROM dossier d JOIN employer e ON e.id = d.employer_id`;
    if (wantLegal) {
      const where = [
        ...common,
        `d.legal_deadline_on BETWEEN ${p.add(range.from)}::date AND ${p.add(range.to)}::date`,
      ];
      if (filters.kinds)
        where.push(`d.legal_deadline_kind IN (${p.list(legalKinds)})`);
      parts.push(
        `SELECT ${columns('d.legal_deadline_kind', calendarDateSql('d.legal_deadline_on'))} ${from_}
         WHERE ${where.join(' AND ')}`,
      );
    }
    if (wantAppointments) {
      const where = [
        ...common,
        `d.state = 'OFII_CONVOKED'`,
        // Compared as text ('YYYY-MM-DD' sorts as dates do), the indexed expression as it is.
        `${APPOINTMENT_DATE} BETWEEN ${p.add(range.from)}::text AND ${p.add(range.to)}::text`,
      ];
      parts.push(
        `SELECT ${columns(`'ofii_appointment'`, APPOINTMENT_DATE)} ${from_}
         WHERE ${where.join(' AND ')}`,
      );
    }
    if (parts.length === 0) return [];
    // The page first, then its workers' names (one probe per row, never a join of all workers).
    return this.dataSource.query(
      `SELECT x.*, w.surname, w.given_names FROM (
         SELECT * FROM (${parts.join(' UNION ALL ')}) x ${after}
         ORDER BY ${orderBy} LIMIT ${p.add(limit)}
       ) x
       JOIN worker w ON w.id = x.worker_id AND w.employer_id = x.employer_id
       ORDER BY ${orderBy}`,
      p.values,
    );
  }
}

function toAgendaItem(r: AgendaRaw, today: CalendarDate): AgendaItem {
  const employer = { id: r.employer_id, legalName: r.legal_name };
  const dossier = {
    id: r.dossier_id,
    state: r.state,
    workerName: `${r.surname} ${r.given_names}`,
    ofiiOffice: r.ofii_office,
  };
  const base = {
    id: r.item_id,
    date: r.due_on,
    daysLeft: daysBetween(today, r.due_on),
    employer,
    dossier,
  };
  if (r.kind === 'ofii_appointment')
    return {
      ...base,
      kind: r.kind,
      label: dossierClockLabel('ofii_appointment'),
      legal: false,
      rolled: false,
      notice: null,
      place: r.recorded.OFII_CONVOKED?.appointmentPlace ?? null,
    };
  const computed = runningDeadlines(
    {
      state: r.state,
      recorded: r.recorded ?? {},
      plannedStartDate: r.planned_start,
    },
    today,
  ).find((d) => d.kind === r.kind && d.dueDate === r.due_on);
  return {
    ...base,
    kind: r.kind,
    label: dossierClockLabel(r.kind),
    legal: isLegalDeadlineKind(r.kind),
    rolled: computed?.rolled ?? false,
    notice: COMPUTED_DEADLINE_NOTICE,
    place: null,
  };
}

function badCursor(): ApiException {
  return new ApiException(400, API_ERROR_CODES.BAD_REQUEST, {
    fr: "Le curseur n'est pas valide : recommencez à partir de la première page.",
    en: 'The cursor is not valid: start again from the first page.',
  });
}
