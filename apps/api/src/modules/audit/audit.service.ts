import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  API_ERROR_CODES,
  AuditAction,
  AuditEventResponse,
  Page,
} from '@moisson/contract';
import { EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ApiException } from '../../core/http/api-exception';
import { decodeCursor, encodeCursor } from '../../core/http/keyset-cursor';
import { AuditEventEntity } from './entities/audit-event.entity';

const BIGINT_ID = /^\d{1,19}$/;

export interface AuditEntry {
  action: AuditAction;
  actor?: { id: string | null; email: string | null } | null;
  employerId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditFilters {
  action?: AuditAction;
  employerId?: string;
  actorEmail?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** Writes and reads the append-only audit log. */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEventEntity)
    private readonly events: Repository<AuditEventEntity>,
  ) {}

  /**
   * One INSERT statement (no transaction, no read-back): audit writes sit on hot paths. Given a
   * transaction's `manager`, the line is written in it, so it stands or falls with the change.
   */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await (manager ? manager.getRepository(AuditEventEntity) : this.events)
      .createQueryBuilder()
      .insert()
      .values({
        action: entry.action,
        actorUserId: entry.actor?.id ?? null,
        actorEmail: entry.actor?.email ?? null,
        employerId: entry.employerId ?? null,
        targetType: entry.targetType ?? null,
        targetId: entry.targetId ?? null,
        ip: entry.ip ?? null,
        // Bound as a parameter and serialised by the driver; the cast only satisfies TypeORM's deep-partial type.
        details: (entry.details ?? {}) as QueryDeepPartialEntity<
          Record<string, unknown>
        >,
      })
      .updateEntity(false)
      .execute();
  }

  /** Newest first, keyset-paginated on (at, id). */
  async list(filters: AuditFilters): Promise<Page<AuditEventResponse>> {
    const limit = Math.min(Math.max(filters.limit ?? 50, 1), 200);
    const q = this.events
      .createQueryBuilder('e')
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(limit + 1);
    if (filters.action)
      q.andWhere('e.action = :action', { action: filters.action });
    if (filters.employerId)
      q.andWhere('e.employer_id = :employerId', {
        employerId: filters.employerId,
      });
    if (filters.actorEmail)
      q.andWhere('e.actor_email = :actorEmail', {
        actorEmail: filters.actorEmail.toLowerCase(),
      });
    // from/to are Paris calendar days, whatever the time zone of the database session.
    if (filters.from)
      q.andWhere(
        "e.at >= (CAST(:from AS date)::timestamp AT TIME ZONE 'Europe/Paris')",
        { from: filters.from },
      );
    if (filters.to)
      q.andWhere(
        "e.at < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE 'Europe/Paris')",
        { to: filters.to },
      );
    if (filters.cursor) {
      const { values, id } = decodeCursor(filters.cursor, 'at', 1, BIGINT_ID);
      if (
        typeof values[0] !== 'string' ||
        Number.isNaN(Date.parse(values[0]))
      ) {
        throw new ApiException(400, API_ERROR_CODES.BAD_REQUEST, {
          fr: "Le curseur n'est pas valide : recommencez à partir de la première page.",
          en: 'The cursor is not valid: start again from the first page.',
        });
      }
      q.andWhere('(e.at, e.id) < (:at, :id)', { at: values[0], id });
    }
    const rows = await q.getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toResponse),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({
              sort: 'at',
              values: [last.at.toISOString()],
              id: String(last.id),
            })
          : null,
    };
  }
}

function toResponse(e: AuditEventEntity): AuditEventResponse {
  return {
    id: String(e.id),
    at: e.at.toISOString(),
    action: e.action,
    actor: { id: e.actorUserId, email: e.actorEmail },
    employerId: e.employerId,
    targetType: e.targetType,
    targetId: e.targetId,
    ip: e.ip,
    details: e.details,
  };
}
