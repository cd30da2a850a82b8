import { BilingualText } from '../bilingual-text.model';

/** The papers a dossier collects (domain reference, section 7). Codes are stored; labels may change. */
export const DOCUMENT_TYPES = [
  'work_permit',
  'passport',
  'employment_contract',
  'ofii_convocation',
  'medical_certificate',
  'visa',
  'refusal_decision',
  'crrv_appeal',
  'crrv_decision',
  'judgment',
  'accommodation',
  'dpae',
  'residence_card',
  'other',
] as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export function isDocumentType(value: unknown): value is DocumentType {
  return (
    typeof value === 'string' &&
    (DOCUMENT_TYPES as readonly string[]).includes(value)
  );
}

export const DOCUMENT_TYPE_LABELS: Readonly<
  Record<DocumentType, BilingualText>
> = {
  work_permit: { fr: 'Autorisation de travail', en: 'Work permit' },
  passport: { fr: 'Passeport', en: 'Passport' },
  employment_contract: {
    fr: 'Contrat de travail (signé des deux parties)',
    en: 'Employment contract (signed by both parties)',
  },
  ofii_convocation: { fr: 'Convocation OFII', en: 'OFII convocation' },
  medical_certificate: { fr: 'Certificat médical', en: 'Medical certificate' },
  visa: { fr: 'Visa', en: 'Visa' },
  refusal_decision: { fr: 'Décision de refus', en: 'Refusal decision' },
  crrv_appeal: { fr: 'Recours devant la CRRV', en: 'CRRV appeal' },
  crrv_decision: { fr: 'Décision de la CRRV', en: 'CRRV decision' },
  judgment: { fr: 'Jugement', en: 'Court judgment' },
  accommodation: {
    fr: 'Justificatif de logement',
    en: 'Proof of accommodation',
  },
  dpae: { fr: 'Accusé de réception DPAE', en: 'DPAE receipt' },
  residence_card: { fr: 'Titre de séjour', en: 'Residence card' },
  other: { fr: 'Autre document', en: 'Other document' },
};

/**
 * Papers of the person rather than of one season: they may be attached to the worker (no dossier)
 * and then count for every dossier of that worker.
 */
export const WORKER_DOCUMENT_TYPES = [
  'passport',
  'residence_card',
] as const satisfies readonly DocumentType[];

export function isWorkerDocumentType(type: DocumentType): boolean {
  return (WORKER_DOCUMENT_TYPES as readonly DocumentType[]).includes(type);
}

/** Papers whose validity end date matters to the procedure (reminders before expiry). */
export const VALIDITY_DOCUMENT_TYPES = [
  'passport',
  'work_permit',
  'visa',
  'residence_card',
] as const satisfies readonly DocumentType[];

export type ValidityDocumentType = (typeof VALIDITY_DOCUMENT_TYPES)[number];

export function isValidityDocumentType(
  type: DocumentType,
): type is ValidityDocumentType {
  return (VALIDITY_DOCUMENT_TYPES as readonly DocumentType[]).includes(type);
}
