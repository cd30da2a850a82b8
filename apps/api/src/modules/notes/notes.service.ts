import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  API_ERROR_CODES,
  CreateNoteRequest,
  DEFAULT_PAGE_SIZE,
  isFirmRole,
  NoteResponse,
  Page,
  UpdateNoteRequest,
} from '@moisson/contract';
import { Repository, SelectQueryBuilder } from 'typeorm';
import type { AuthContext, RequestMeta } from '../../core/auth/auth-context';
import { ApiException } from '../../core/http/api-exception';
import { decodeCursor, encodeCursor } from '../../core/http/keyset-cursor';
import { AuditService } from '../audit/audit.service';
import { DossierEntity } from '../dossiers/entities/dossier.entity';
import { NoteEntity } from './entities/note.entity';

/**
 * Notes of firm staff on an employer or one of its dossiers. The employer was checked by
 * AccessService (404 for another's); here: a dossier or note of another employer is 404 too, and
 * employer users read shared notes only. Writes are audited without the text.
 */
@Injectable()
export class NotesService {
  constructor(
    @InjectRepository(NoteEntity)
    private readonly notes: Repository<NoteEntity>,
    @InjectRepository(DossierEntity)
    private readonly dossiers: Repository<DossierEntity>,
    private readonly audit: AuditService,
  ) {}

  /** Newest first, keyset on (created_at, id). dossierId 'none': notes on the employer itself. */
  async list(
    auth: AuthContext,
    employerId: string,
    query: { dossierId?: string; cursor?: string; limit?: number },
  ): Promise<Page<NoteResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const q = this.visible(auth, employerId).limit(limit + 1);
    if (query.dossierId === 'none') q.andWhere('n.dossier_id IS NULL');
    else if (query.dossierId)
      q.andWhere('n.dossier_id = :dossierId', { dossierId: query.dossierId });
    if (query.cursor) {
      const at = decodeCursor(query.cursor, 'createdAt', 1);
      const [createdAt] = at.values;
      if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt)))
        throw new ApiException(400, API_ERROR_CODES.BAD_REQUEST, {
          fr: "Le curseur n'est pas valide : recommencez à partir de la première page.",
          en: 'The cursor is not valid: start again from the first page.',
        });
      q.andWhere('(n.created_at, n.id) < (:createdAt, :id)', {
        createdAt,
        id: at.id,
      });
    }
    const rows = await q.getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toNoteResponse),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({
              sort: 'createdAt',
              values: [last.createdAt.toISOString()],
              id: last.id,
            })
          : null,
    };
  }

  async listForDossier(
    auth: AuthContext,
    employerId: string,
    dossierId: string,
  ): Promise<NoteResponse[]> {
    await this.requireDossier(employerId, dossierId);
    const rows = await this.visible(auth, employerId)
      .andWhere('n.dossier_id = :dossierId', { dossierId })
      .getMany();
    return rows.map(toNoteResponse);
  }

  async create(
    auth: AuthContext,
    employerId: string,
    input: CreateNoteRequest,
    meta: RequestMeta,
  ): Promise<NoteResponse> {
    const dossierId = input.dossierId ?? null;
    if (dossierId) await this.requireDossier(employerId, dossierId);
    const saved = await this.notes.save(
      this.notes.create({
        employerId,
        dossierId,
        visibility: input.visibility,
        body: input.body,
        authorUserId: auth.user.id,
        authorName: auth.user.fullName,
        editedAt: null,
      }),
    );
    await this.record(auth, 'note.created', saved, meta, {});
    return toNoteResponse(saved);
  }

  async update(
    auth: AuthContext,
    employerId: string,
    noteId: string,
    input: UpdateNoteRequest,
    meta: RequestMeta,
  ): Promise<NoteResponse> {
    const note = await this.requireNote(employerId, noteId);
    const fields = (['body', 'visibility'] as const).filter(
      (f) => input[f] !== undefined && input[f] !== note[f],
    );
    if (fields.length === 0) return toNoteResponse(note);
    const from = note.visibility;
    Object.assign(note, {
      ...(input.body !== undefined ? { body: input.body } : {}),
      ...(input.visibility !== undefined
        ? { visibility: input.visibility }
        : {}),
      editedAt: new Date(),
    });
    const saved = await this.notes.save(note);
    await this.record(auth, 'note.updated', saved, meta, {
      fields,
      ...(fields.includes('visibility') ? { visibilityFrom: from } : {}),
    });
    return toNoteResponse(saved);
  }

  async remove(
    auth: AuthContext,
    employerId: string,
    noteId: string,
    meta: RequestMeta,
  ): Promise<void> {
    const note = await this.requireNote(employerId, noteId);
    await this.notes.delete({ id: note.id, employerId });
    await this.record(auth, 'note.deleted', note, meta, {});
  }

  /** The notes the caller may read: all for firm staff, shared ones for the employer's users. */
  private visible(
    auth: AuthContext,
    employerId: string,
  ): SelectQueryBuilder<NoteEntity> {
    const q = this.notes
      .createQueryBuilder('n')
      .where('n.employer_id = :employerId', { employerId })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC');
    if (!isFirmRole(auth.user.role)) q.andWhere(`n.visibility = 'shared'`);
    return q;
  }

  private async requireDossier(employerId: string, dossierId: string) {
    if (!(await this.dossiers.existsBy({ id: dossierId, employerId })))
      throw new ApiException(404, API_ERROR_CODES.NOT_FOUND, {
        fr: `Aucun dossier avec l'identifiant ${dossierId} n'a été trouvé chez cet employeur.`,
        en: `No dossier with the id ${dossierId} was found for this employer.`,
      });
  }

  private async requireNote(
    employerId: string,
    noteId: string,
  ): Promise<NoteEntity> {
    const note = await this.notes.findOneBy({ id: noteId, employerId });
    if (!note)
      throw new ApiException(404, API_ERROR_CODES.NOT_FOUND, {
        fr: `Aucune note avec l'identifiant ${noteId} n'a été trouvée chez cet employeur.`,
        en: `No note with the id ${noteId} was found for this employer.`,
      });
    return note;
  }

  private record(
    auth: AuthContext,
    action: 'note.created' | 'note.updated' | 'note.deleted',
    note: NoteEntity,
    meta: RequestMeta,
    extra: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record({
      action,
      actor: auth.user,
      employerId: note.employerId,
      targetType: 'note',
      targetId: note.id,
      ip: meta.ip,
      details: {
        dossierId: note.dossierId,
        visibility: note.visibility,
        ...extra,
      },
    });
  }
}

export function toNoteResponse(n: NoteEntity): NoteResponse {
  return {
    id: n.id,
    employerId: n.employerId,
    dossierId: n.dossierId,
    visibility: n.visibility,
    body: n.body,
    author: { id: n.authorUserId, fullName: n.authorName },
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
    edited: n.editedAt !== null,
  };
}
