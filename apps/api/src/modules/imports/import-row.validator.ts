import {
  IMPORT_DOSSIER_FIELDS,
  IMPORT_FIELD_LABELS,
  IMPORT_REQUIRED_DOSSIER_FIELDS,
  IMPORT_REQUIRED_WORKER_FIELDS,
  ImportField,
  ImportMapping,
  ImportRowError,
} from '@moisson/contract';
import {
  CalendarDate,
  compareCalendarDates,
  formatFrenchDate,
} from '@moisson/domain';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { ApiException } from '../../core/http/api-exception';
import type { BilingualText } from '../../core/http/localized-text';
import {
  decodeValidationMessage,
  translateValidationMessage,
} from '../../core/http/validation-messages';
import type { CampaignEntity } from '../campaigns/entities/campaign.entity';
import {
  assertCampaignSeason,
  assertPlanning,
} from '../dossiers/dossier-planning.rules';
import { CreateDossierDto } from '../dossiers/dto/dossier.dto';
import { CreateWorkerDto } from '../workers/dto/worker.dto';
import {
  assertPassportValid,
  isPlausibleBirthDate,
} from '../workers/workers.service';
import { ExcelDateSystem, parseImportDate } from './import-date';
import { normaliseHeader } from './import-mapping';
import {
  readContractType,
  readLanguage,
  readNationality,
} from './import-row-values';

/** What every row of one import is checked against. */
export interface ImportRowContext {
  mapping: ImportMapping;
  today: CalendarDate;
  /** Some dossier field is mapped: each row also makes a DRAFT dossier. */
  createsDossiers: boolean;
  /** The employer's campaigns by normalised name (normaliseHeader). */
  campaignsByName: ReadonlyMap<string, CampaignEntity>;
  /** The campaign for rows without a campaign value. */
  defaultCampaign: CampaignEntity | null;
  /** The season asked for; else the campaign's, else the planned start's year. */
  season: number | null;
  /** .xlsx: a number in a date column is an Excel serial of this system (null for CSV). */
  excelDateSystem: ExcelDateSystem | null;
}

/** A row checked: its normalised worker and dossier when valid. */
export interface CheckedImportRow {
  rowNumber: number;
  values: Partial<Record<ImportField, string>>;
  errors: ImportRowError[];
  worker: CreateWorkerDto | null;
  dossier: ImportedDossier | null;
}

export interface ImportedDossier {
  campaignId: string | null;
  season: number;
  jobTitle: string;
  contractType: CreateDossierDto['contractType'];
  plannedStart: CalendarDate;
  plannedEnd: CalendarDate;
  ofiiOffice?: string | null;
  consulate?: string | null;
}

const DATE_FIELDS = [
  'birthDate',
  'passportExpiry',
  'plannedStart',
  'plannedEnd',
] as const satisfies readonly ImportField[];
const WORKER_PROPERTIES = new Set<string>([
  'surname',
  'givenNames',
  'birthDate',
  'nationality',
  'passportNumber',
  'passportExpiry',
  'phone',
  'email',
  'preferredLanguage',
]);
/** Stands for the worker the row creates when the dossier DTO is checked. */
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Checks one row with the rules of POST .../workers and POST .../dossiers: the same DTO classes
 * (class-validator, synchronously: they have no async rule), the same planning and passport rules,
 * dates read as dd/mm/yyyy or yyyy-mm-dd. One error per field at most, in English and French.
 */
export function checkImportRow(
  rowNumber: number,
  cells: (field: ImportField) => string,
  ctx: ImportRowContext,
): CheckedImportRow {
  const values: Partial<Record<ImportField, string>> = {};
  for (const field of Object.keys(ctx.mapping) as ImportField[])
    values[field] = cells(field);
  const errors = new Map<ImportField | 'row', ImportRowError>();
  const fail = (
    field: ImportField,
    rule: string,
    message: string,
    messageFr: string,
  ) => {
    if (!errors.has(field))
      errors.set(field, {
        rowNumber,
        field,
        column: ctx.mapping[field] ?? null,
        rule,
        message,
        messageFr,
      });
  };
  const text = (field: ImportField) => values[field] ?? '';

  const required = [
    ...IMPORT_REQUIRED_WORKER_FIELDS,
    ...(ctx.createsDossiers ? IMPORT_REQUIRED_DOSSIER_FIELDS : []),
  ];
  for (const field of required) {
    if (text(field) === '') {
      const label = IMPORT_FIELD_LABELS[field];
      fail(
        field,
        'FIELD_REQUIRED',
        ctx.mapping[field]
          ? `${label.en} is empty: it is required.`
          : `${label.en} is required: map a column to it.`,
        ctx.mapping[field]
          ? `${label.fr} est vide : ce champ est obligatoire.`
          : `${label.fr} est obligatoire : associez-lui une colonne.`,
      );
    }
  }

  const dates: Partial<Record<ImportField, CalendarDate>> = {};
  for (const field of DATE_FIELDS) {
    if (text(field) === '') continue;
    const read = parseImportDate(text(field), ctx.excelDateSystem);
    const label = IMPORT_FIELD_LABELS[field];
    if (read.ok) dates[field] = read.date;
    else if (read.reason === 'format')
      fail(
        field,
        'DATE_INVALID',
        `${label.en} "${text(field)}" is not a date: write it as dd/mm/yyyy or yyyy-mm-dd.`,
        `${label.fr} « ${text(field)} » n'est pas une date : écrivez-la jj/mm/aaaa ou aaaa-mm-jj.`,
      );
    else
      fail(
        field,
        'DATE_INVALID',
        `${label.en} "${text(field)}" does not exist: ${read.detail}.`,
        `${label.fr} « ${text(field)} » n'existe pas dans le calendrier.`,
      );
  }

  const worker = plainToInstance(CreateWorkerDto, {
    surname: text('surname'),
    givenNames: text('givenNames'),
    birthDate: dates.birthDate ?? '',
    nationality: readNationality(text('nationality')),
    passportNumber: text('passportNumber'),
    passportExpiry: dates.passportExpiry ?? '',
    phone: text('phone') || undefined,
    email: text('email') || undefined,
    preferredLanguage: readLanguage(text('preferredLanguage')),
  });
  for (const error of validateSync(worker))
    failFromValidator(error, fail, text);

  if (dates.birthDate && !errors.has('birthDate')) {
    if (!isPlausibleBirthDate(dates.birthDate, ctx.today))
      fail(
        'birthDate',
        'BIRTH_DATE_IMPLAUSIBLE',
        `Birth date ${formatFrenchDate(dates.birthDate)} is not plausible: it must be in the past.`,
        `Date de naissance ${formatFrenchDate(dates.birthDate)} invraisemblable : elle doit être passée.`,
      );
  }
  if (dates.passportExpiry && !errors.has('passportExpiry')) {
    const refused = refusal(() =>
      assertPassportValid(dates.passportExpiry as CalendarDate, ctx.today),
    );
    if (refused)
      fail('passportExpiry', 'PASSPORT_EXPIRED', refused.en, refused.fr);
  }

  let dossier: ImportedDossier | null = null;
  if (ctx.createsDossiers) {
    dossier = checkDossier(text, dates, ctx, fail, errors);
  }

  const list = [...errors.values()];
  return {
    rowNumber,
    values,
    errors: list,
    worker: list.length === 0 ? worker : null,
    dossier: list.length === 0 ? dossier : null,
  };
}

type Fail = (
  field: ImportField,
  rule: string,
  message: string,
  messageFr: string,
) => void;

function checkDossier(
  text: (field: ImportField) => string,
  dates: Partial<Record<ImportField, CalendarDate>>,
  ctx: ImportRowContext,
  fail: Fail,
  errors: ReadonlyMap<ImportField | 'row', ImportRowError>,
): ImportedDossier | null {
  let campaign = ctx.defaultCampaign;
  if (text('campaign') !== '') {
    const found = ctx.campaignsByName.get(normaliseHeader(text('campaign')));
    if (!found)
      fail(
        'campaign',
        'CAMPAIGN_UNKNOWN',
        `No campaign named "${text('campaign')}" here: create it first, or correct the name.`,
        `Aucune campagne « ${text('campaign')} » chez cet employeur : créez-la d'abord, ou corrigez le nom.`,
      );
    campaign = found ?? null;
  }
  const input = plainToInstance(CreateDossierDto, {
    workerId: PLACEHOLDER_ID,
    jobTitle: text('jobTitle'),
    contractType: readContractType(text('contractType')),
    plannedStart: dates.plannedStart ?? '',
    plannedEnd: dates.plannedEnd ?? '',
    ofiiOffice: text('ofiiOffice') || undefined,
    consulate: text('consulate') || undefined,
  });
  for (const error of validateSync(input)) failFromValidator(error, fail, text);
  if (
    !input.plannedStart ||
    !input.plannedEnd ||
    errors.has('plannedStart') ||
    errors.has('plannedEnd') ||
    errors.has('contractType')
  )
    return null;
  const planning = refusal(() => assertPlanning(input));
  if (planning) {
    const endBeforeStart =
      compareCalendarDates(input.plannedEnd, input.plannedStart) < 0;
    fail(
      'plannedEnd',
      endBeforeStart ? 'END_BEFORE_START' : 'SEASONAL_TOO_LONG',
      planning.en,
      planning.fr,
    );
  }
  const season =
    ctx.season ?? campaign?.season ?? Number(input.plannedStart.slice(0, 4));
  if (campaign) {
    const wrongSeason = refusal(() => assertCampaignSeason(campaign, season));
    if (wrongSeason)
      fail(
        'campaign',
        'CAMPAIGN_SEASON_MISMATCH',
        wrongSeason.en,
        wrongSeason.fr,
      );
  }
  return {
    campaignId: campaign?.id ?? null,
    season,
    jobTitle: input.jobTitle,
    contractType: input.contractType,
    plannedStart: input.plannedStart,
    plannedEnd: input.plannedEnd,
    ofiiOffice: input.ofiiOffice,
    consulate: input.consulate,
  };
}

/** The message (both languages) of the ApiException a shared rule throws, or null when it passes. */
function refusal(rule: () => void): BilingualText | null {
  try {
    rule();
    return null;
  } catch (error) {
    if (error instanceof ApiException) {
      const m = error.localizedMessage;
      return typeof m === 'string' ? { fr: m, en: m } : m;
    }
    throw error;
  }
}

/** Stable rule codes of the class-validator constraints the worker and dossier DTOs use. */
const CONSTRAINT_RULES: Readonly<Record<string, string>> = {
  isNotEmpty: 'FIELD_REQUIRED',
  isString: 'FIELD_REQUIRED',
  maxLength: 'TOO_LONG',
  isISO31661Alpha2: 'NATIONALITY_INVALID',
  matches: 'FORMAT_INVALID',
  isEmail: 'EMAIL_INVALID',
  isIn: 'VALUE_UNKNOWN',
  isCalendarDate: 'DATE_INVALID',
};

/** One error per field, its messages translated as the validation pipe does. */
function failFromValidator(
  error: ValidationError,
  fail: Fail,
  text: (field: ImportField) => string,
): void {
  const field = error.property as ImportField;
  if (!IMPORT_DOSSIER_FIELDS.includes(field) && !WORKER_PROPERTIES.has(field))
    return; // workerId: the placeholder of the worker the row creates
  const constraints = Object.entries(error.constraints ?? {});
  // An empty cell is reported once, as required, rather than as a bad format.
  const [name, raw] =
    constraints.find(([c]) => c === 'isNotEmpty') ?? constraints[0] ?? [];
  if (!name || !raw) return;
  const message =
    decodeValidationMessage(raw) ??
    translateValidationMessage(field, error.property, raw);
  const got = text(field) === '' ? '' : ` ("${text(field)}")`;
  const gotFr = text(field) === '' ? '' : ` (« ${text(field)} »)`;
  fail(
    field,
    CONSTRAINT_RULES[name] ?? 'FIELD_INVALID',
    message.en + got,
    message.fr + gotFr,
  );
}
