import {
  DOCUMENT_REFERENCE_MAX_LENGTH,
  DocumentType,
  isDocumentType,
  WORKER_DOCUMENT_TYPES,
} from '@moisson/contract';
import { compareCalendarDates, formatFrenchDate } from '@moisson/domain';
import { calendarDateProblem } from '../dossiers/common/calendar-date.validator';
import { DocumentRejection } from './content-check/document-rejection';

/** The text parts of an upload, as sent (sent before the file part). */
export type RawDocumentFields = Partial<
  Record<'type' | 'reference' | 'validFrom' | 'validUntil', string>
>;

export const DOCUMENT_FIELD_NAMES = [
  'type',
  'reference',
  'validFrom',
  'validUntil',
] as const;

export interface DocumentFields {
  type: DocumentType;
  reference: string | null;
  validFrom: string | null;
  validUntil: string | null;
}

/** Where the document goes: a dossier (any type), or a worker (passport and residence card only). */
export type DocumentTarget = 'dossier' | 'worker';

function invalid(
  field: 'reference' | 'validFrom' | 'validUntil',
  fr: string,
  en: string,
): DocumentRejection {
  return new DocumentRejection('DOCUMENT_FIELD_INVALID', { fr, en }, field);
}

function date(
  field: 'validFrom' | 'validUntil',
  raw: string | undefined,
): string | null {
  const value = raw?.trim() ?? '';
  if (value === '') return null;
  const problem = calendarDateProblem(value);
  if (problem)
    throw invalid(
      field,
      `${field === 'validFrom' ? 'Le début de validité' : 'La fin de validité'} doit être une vraie date AAAA-MM-JJ (${problem}).`,
      `${field} must be a real date as YYYY-MM-DD (${problem}).`,
    );
  return value;
}

/**
 * Checks the text parts before a byte of the file is read: a known type (a worker takes only a
 * passport or a residence card), a reference of at most 64 printable characters, real dates with
 * the end on or after the start. Each failure is a DocumentRejection naming the field.
 */
export function parseDocumentFields(
  raw: RawDocumentFields,
  target: DocumentTarget,
): DocumentFields {
  const type = raw.type?.trim();
  if (!isDocumentType(type))
    throw new DocumentRejection(
      'DOCUMENT_TYPE_INVALID',
      {
        fr: `Indiquez le type du document (partie « type », envoyée avant le fichier) : ${type ? `« ${type} » n'est pas un type connu` : 'il manque'}.`,
        en: `Give the document's type (the "type" part, sent before the file): ${type ? `"${type}" is not a known type` : 'it is missing'}.`,
      },
      'type',
    );
  if (
    target === 'worker' &&
    !(WORKER_DOCUMENT_TYPES as readonly string[]).includes(type)
  )
    throw new DocumentRejection(
      'DOCUMENT_TYPE_NOT_FOR_WORKER',
      {
        fr: 'Seuls le passeport et le titre de séjour se rattachent au salarié : ajoutez ce document à son dossier de la saison.',
        en: "Only the passport and the residence card belong to the worker: add this document to the season's dossier.",
      },
      'type',
    );
  const reference = raw.reference?.trim().replace(/\s+/g, ' ') || null;
  if (reference !== null) {
    if ([...reference].length > DOCUMENT_REFERENCE_MAX_LENGTH)
      throw invalid(
        'reference',
        `La référence compte plus de ${DOCUMENT_REFERENCE_MAX_LENGTH} caractères.`,
        `The reference is longer than ${DOCUMENT_REFERENCE_MAX_LENGTH} characters.`,
      );
    if (/[\p{Cc}\p{Cf}]/u.test(reference))
      throw invalid(
        'reference',
        'La référence contient des caractères invisibles ou de contrôle.',
        'The reference holds invisible or control characters.',
      );
  }
  const validFrom = date('validFrom', raw.validFrom);
  const validUntil = date('validUntil', raw.validUntil);
  if (
    validFrom &&
    validUntil &&
    compareCalendarDates(validUntil, validFrom) < 0
  )
    throw invalid(
      'validUntil',
      `La fin de validité (${formatFrenchDate(validUntil)}) précède le début (${formatFrenchDate(validFrom)}).`,
      `validUntil (${validUntil}) is before validFrom (${validFrom}).`,
    );
  return { type, reference, validFrom, validUntil };
}
