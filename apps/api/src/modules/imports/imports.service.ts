import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  API_ERROR_CODES,
  IMPORT_DOSSIER_FIELDS,
  IMPORT_REQUIRED_DOSSIER_FIELDS,
  IMPORT_REQUIRED_WORKER_FIELDS,
  ImportCommitResponse,
  ImportField,
  ImportMapping,
  ImportPreviewResponse,
  ImportPreviewRow,
  ImportRowError,
} from '@moisson/contract';
import { DataSource, Repository } from 'typeorm';
import type { AuthContext, RequestMeta } from '../../core/auth/auth-context';
import { ApiException } from '../../core/http/api-exception';
import { AuditService } from '../audit/audit.service';
import { CampaignEntity } from '../campaigns/entities/campaign.entity';
import { todayInParis } from '../dossiers/common/paris-today';
import { isUniqueViolation } from '../dossiers/common/unique-violation';
import { actorOf } from '../dossiers/dossier-actor';
import type { EmployerEntity } from '../employers/entities/employer.entity';
import { WorkerEntity } from '../workers/entities/worker.entity';
import type { ParsedImportFile } from './import-file.parser';
import { readImportFile } from './import-file.reader';
import {
  ImportMappingError,
  normaliseHeader,
  parseMapping,
  suggestMapping,
} from './import-mapping';
import { checkImportRow, CheckedImportRow } from './import-row.validator';
import type { ImportUpload } from './import-upload';
import { insertImportedRows } from './import.writer';

const PASSPORT_KEY = 'worker_employer_passport_key';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Passport numbers looked up per query. */
const LOOKUP_CHUNK = 5000;

/** A file read and every row checked: what preview answers and commit writes. */
interface ImportAnalysis {
  file: ParsedImportFile;
  mapping: ImportMapping;
  mappingSuggested: boolean;
  createsDossiers: boolean;
  rows: CheckedImportRow[];
  /** Row numbers of valid rows whose passport number is already registered at this employer. */
  alreadyPresent: Set<number>;
}

/**
 * Imports hires from a spreadsheet: preview (read and check, nothing written) and commit (check
 * again, then write every worker and dossier in one transaction). Stateless: the client sends the
 * file to both.
 */
@Injectable()
export class ImportsService {
  constructor(
    @InjectRepository(WorkerEntity)
    private readonly workers: Repository<WorkerEntity>,
    @InjectRepository(CampaignEntity)
    private readonly campaigns: Repository<CampaignEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async preview(
    employer: EmployerEntity,
    upload: ImportUpload,
  ): Promise<ImportPreviewResponse> {
    const a = await this.analyse(employer, upload);
    const rows: ImportPreviewRow[] = a.rows.map((row) => ({
      rowNumber: row.rowNumber,
      status:
        row.errors.length > 0
          ? 'invalid'
          : a.alreadyPresent.has(row.rowNumber)
            ? 'already_present'
            : 'valid',
      values: row.values,
      errors: row.errors,
    }));
    const mapped = new Set(Object.values(a.mapping));
    const required = [
      ...IMPORT_REQUIRED_WORKER_FIELDS,
      ...(a.createsDossiers ? IMPORT_REQUIRED_DOSSIER_FIELDS : []),
    ];
    const count = (status: ImportPreviewRow['status']) =>
      rows.filter((r) => r.status === status).length;
    return {
      file: {
        name: upload.fileName,
        sizeBytes: upload.buffer.length,
        format: a.file.format,
        encoding: a.file.encoding,
        delimiter: a.file.delimiter,
        sheet: a.file.sheet,
      },
      headers: a.file.headers,
      mapping: a.mapping,
      mappingSuggested: a.mappingSuggested,
      unmappedHeaders: a.file.headers.filter((h) => h !== '' && !mapped.has(h)),
      missingFields: required.filter((f) => !a.mapping[f]),
      createsDossiers: a.createsDossiers,
      totals: {
        rows: rows.length,
        valid: count('valid'),
        invalid: count('invalid'),
        alreadyPresent: count('already_present'),
      },
      rows,
    };
  }

  async commit(
    auth: AuthContext,
    meta: RequestMeta,
    employer: EmployerEntity,
    upload: ImportUpload,
  ): Promise<ImportCommitResponse> {
    const a = await this.analyse(employer, upload);
    const invalid = a.rows.filter((r) => r.errors.length > 0);
    const skipInvalid = readBoolean(upload.fields.skipInvalidRows);
    if (invalid.length > 0 && !skipInvalid) throw rowsInvalid(invalid);
    const toWrite = a.rows.filter(
      (r) => r.errors.length === 0 && !a.alreadyPresent.has(r.rowNumber),
    );
    let created: { workers: number; dossiers: number };
    try {
      created = await this.dataSource.transaction((m) =>
        insertImportedRows(m, employer, toWrite, actorOf(auth)),
      );
    } catch (error) {
      if (isUniqueViolation(error, PASSPORT_KEY))
        throw new ApiException(409, API_ERROR_CODES.CONFLICT, {
          fr: "Des salariés de ce fichier viennent d'être enregistrés par une autre importation : relancez l'aperçu, puis importez à nouveau.",
          en: 'Workers of this file were just registered by another import: preview the file again, then import it.',
        });
      throw error;
    }
    const response: ImportCommitResponse = {
      rows: a.rows.length,
      workersCreated: created.workers,
      dossiersCreated: created.dossiers,
      skippedAlreadyPresent: a.alreadyPresent.size,
      skippedInvalid: invalid.length,
    };
    await this.audit.record({
      action: 'workers.imported',
      actor: auth.user,
      employerId: employer.id,
      targetType: 'employer',
      targetId: employer.id,
      ip: meta.ip,
      details: { ...response, fileName: upload.fileName },
    });
    return response;
  }

  private async analyse(
    employer: EmployerEntity,
    upload: ImportUpload,
  ): Promise<ImportAnalysis> {
    const file = await readImportFile(upload.buffer);
    let mapping: ImportMapping;
    try {
      mapping =
        upload.fields.mapping === undefined
          ? suggestMapping(file.headers)
          : parseMapping(upload.fields.mapping, file.headers);
    } catch (error) {
      if (error instanceof ImportMappingError)
        throw new ApiException(400, API_ERROR_CODES.BAD_REQUEST, error.message);
      throw error;
    }
    const createsDossiers = IMPORT_DOSSIER_FIELDS.some((f) => mapping[f]);
    const campaigns = await this.campaigns.findBy({ employerId: employer.id });
    const defaultCampaign = await this.defaultCampaign(
      employer.id,
      upload.fields.campaignId,
    );
    const season = readSeason(upload.fields.season);
    const ctx = {
      mapping,
      today: todayInParis(),
      createsDossiers,
      campaignsByName: new Map(
        campaigns.map((c) => [normaliseHeader(c.name), c]),
      ),
      defaultCampaign,
      season,
      excelDateSystem: file.excelDateSystem,
    };
    const columnOf = new Map<ImportField, number>();
    for (const [field, header] of Object.entries(mapping))
      columnOf.set(field as ImportField, file.headers.indexOf(header));
    const rows: CheckedImportRow[] = [];
    for (const row of file.rows) {
      rows.push(
        checkImportRow(
          row.rowNumber,
          (field) => {
            const i = columnOf.get(field);
            return i === undefined || i < 0 ? '' : (row.cells[i] ?? '');
          },
          ctx,
        ),
      );
    }
    markDuplicatesInFile(rows);
    const alreadyPresent = await this.registered(employer.id, rows);
    return {
      file,
      mapping,
      mappingSuggested: upload.fields.mapping === undefined,
      createsDossiers,
      rows,
      alreadyPresent,
    };
  }

  private async defaultCampaign(
    employerId: string,
    campaignId: string | undefined,
  ): Promise<CampaignEntity | null> {
    if (!campaignId) return null;
    const notFound = () =>
      new ApiException(
        404,
        API_ERROR_CODES.NOT_FOUND,
        {
          fr: 'campaignId : aucune campagne avec cet identifiant chez cet employeur.',
          en: 'campaignId: no campaign with this id was found at this employer.',
        },
        [
          {
            field: 'campaignId',
            message: { fr: 'Campagne introuvable.', en: 'No such campaign.' },
          },
        ],
      );
    if (!UUID.test(campaignId)) throw notFound();
    const campaign = await this.campaigns.findOneBy({
      id: campaignId,
      employerId,
    });
    if (!campaign) throw notFound();
    return campaign;
  }

  /** Row numbers of valid rows whose passport number this employer already has. */
  private async registered(
    employerId: string,
    rows: CheckedImportRow[],
  ): Promise<Set<number>> {
    const byPassport = new Map<string, number>();
    for (const row of rows)
      if (row.worker) byPassport.set(row.worker.passportNumber, row.rowNumber);
    const numbers = [...byPassport.keys()];
    const present = new Set<number>();
    for (let i = 0; i < numbers.length; i += LOOKUP_CHUNK) {
      const found = await this.workers
        .createQueryBuilder('w')
        .select('w.passport_number', 'passportNumber')
        .where('w.employer_id = :employerId', { employerId })
        .andWhere('w.passport_number = ANY(:numbers)', {
          numbers: numbers.slice(i, i + LOOKUP_CHUNK),
        })
        .getRawMany<{ passportNumber: string }>();
      for (const { passportNumber } of found) {
        const rowNumber = byPassport.get(passportNumber);
        if (rowNumber !== undefined) present.add(rowNumber);
      }
    }
    return present;
  }
}

/** The second and later rows with the same passport number are errors: one worker, one row. */
function markDuplicatesInFile(rows: CheckedImportRow[]): void {
  const first = new Map<string, number>();
  for (const row of rows) {
    if (!row.worker) continue;
    const seen = first.get(row.worker.passportNumber);
    if (seen === undefined) {
      first.set(row.worker.passportNumber, row.rowNumber);
      continue;
    }
    row.errors.push({
      rowNumber: row.rowNumber,
      field: 'passportNumber',
      column: null,
      rule: 'PASSPORT_DUPLICATE_IN_FILE',
      message: `The passport number ${row.worker.passportNumber} is already on row ${seen} of this file.`,
      messageFr: `Le numéro de passeport ${row.worker.passportNumber} figure déjà à la ligne ${seen} de ce fichier.`,
    });
    row.worker = null;
    row.dossier = null;
  }
}

function readBoolean(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new ApiException(400, API_ERROR_CODES.BAD_REQUEST, {
    fr: 'skipInvalidRows doit valoir true ou false.',
    en: 'skipInvalidRows must be true or false.',
  });
}

function readSeason(value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  const season = Number(value);
  if (!Number.isInteger(season) || season < 2000 || season > 2100)
    throw new ApiException(400, API_ERROR_CODES.BAD_REQUEST, {
      fr: 'season doit être une année entre 2000 et 2100, par exemple 2027.',
      en: 'season must be a year between 2000 and 2100, e.g. 2027.',
    });
  return season;
}

/** 422: the rows to correct, each error in English (`message`) and French (`messageFr`). */
function rowsInvalid(invalid: CheckedImportRow[]): ApiException {
  const errors: ImportRowError[] = invalid.flatMap((r) => r.errors);
  const n = invalid.length;
  const s = n > 1 ? 's' : '';
  return new ApiException(
    422,
    API_ERROR_CODES.UNPROCESSABLE,
    {
      fr: `${n} ligne${s} du fichier ${n > 1 ? 'ont' : 'a'} des erreurs : corrigez-le${s}, ou importez sans elle${s} (skipInvalidRows=true). Rien n'a été enregistré.`,
      en: `${n} row${s} of the file ${n > 1 ? 'have' : 'has'} errors: correct ${n > 1 ? 'them' : 'it'}, or import without ${n > 1 ? 'them' : 'it'} (skipInvalidRows=true). Nothing was written.`,
    },
    errors.map((e) => ({ ...e })),
  );
}
