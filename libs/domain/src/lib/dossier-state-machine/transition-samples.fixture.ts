import { DossierState } from './dossier-state.model';
import { TransitionTargetState } from './dossier-transition-data.model';
import { TransitionViolation } from './transition-violation.model';
import {
  TransitionValidationContext,
  validateTransition,
} from './validate-transition.util';

/** Sample transition data shared by the validateTransition specs (test-only file). */
export type RawData = Record<string, unknown>;

/** An allowed way into each state, to test the data each transition needs. */
export const FROM: Record<TransitionTargetState, DossierState> = {
  OFFER_PUBLISHED: 'DRAFT',
  AT_SUBMITTED: 'OFFER_PUBLISHED',
  AT_GRANTED: 'AT_SUBMITTED',
  AT_REFUSED: 'AT_SUBMITTED',
  AWAITING_OFII: 'AT_GRANTED',
  OFII_CONVOKED: 'AWAITING_OFII',
  MEDICAL_FIT: 'OFII_CONVOKED',
  MEDICAL_UNFIT: 'OFII_CONVOKED',
  VISA_FILED: 'MEDICAL_FIT',
  VISA_ISSUED: 'VISA_FILED',
  VISA_REFUSED: 'VISA_FILED',
  VISA_REFUSED_VERBAL: 'VISA_FILED',
  VISA_REFUSED_IMPLICIT: 'VISA_FILED',
  CRRV_FILED: 'VISA_REFUSED',
  CRRV_REJECTED: 'CRRV_FILED',
  CRRV_REJECTED_IMPLICIT: 'CRRV_FILED',
  TA_FILED: 'CRRV_REJECTED',
  TA_ANNULLED: 'TA_FILED',
  TA_REJECTED: 'TA_FILED',
  ARRIVED: 'VISA_ISSUED',
  PERMIT_APPLIED: 'ARRIVED',
  PERMIT_GRANTED: 'PERMIT_APPLIED',
  PERMIT_REFUSED_IMPLICIT: 'PERMIT_APPLIED',
  CONTRACT_ENDED: 'PERMIT_GRANTED',
  RETURNED: 'CONTRACT_ENDED',
  CLOSED: 'RETURNED',
  ABANDONED: 'VISA_REFUSED',
  WITHDRAWN: 'AWAITING_OFII',
};

/** The minimal data of each transition: domain reference section 3, plus a date where none is listed. */
export const MINIMAL: Record<TransitionTargetState, RawData> = {
  OFFER_PUBLISHED: { publicationDate: '2025-01-06' },
  AT_SUBMITTED: { submissionDate: '2025-01-27' },
  AT_GRANTED: { permitNumber: 'AT-2025-0042', grantDate: '2025-02-10' },
  AT_REFUSED: { notificationDate: '2025-02-10' },
  AWAITING_OFII: { transmissionDate: '2025-02-12', ofiiOffice: 'Casablanca' },
  OFII_CONVOKED: {
    convocationDate: '2025-04-01',
    appointmentDate: '2025-04-15',
    appointmentPlace: 'OFII Casablanca',
  },
  MEDICAL_FIT: { examinationDate: '2025-04-15' },
  MEDICAL_UNFIT: { examinationDate: '2025-04-15' },
  VISA_FILED: { filingDate: '2025-04-15', consulate: 'Casablanca' },
  VISA_ISSUED: {
    visaType: 'VLS-TS travailleur saisonnier',
    validFrom: '2025-05-01',
    validTo: '2025-07-31',
  },
  VISA_REFUSED: {
    notificationDate: '2025-05-02',
    grounds: ['risk_of_diverting_visa_purpose'],
  },
  VISA_REFUSED_VERBAL: { notificationDate: '2025-05-02' },
  VISA_REFUSED_IMPLICIT: { notificationDate: '2025-06-15' },
  CRRV_FILED: { filingDate: '2025-05-20' },
  CRRV_REJECTED: { notificationDate: '2025-07-01' },
  CRRV_REJECTED_IMPLICIT: { notificationDate: '2025-07-20' },
  TA_FILED: { filingDate: '2025-08-01' },
  TA_ANNULLED: { judgmentDate: '2026-02-09' },
  TA_REJECTED: { judgmentDate: '2026-02-09' },
  ARRIVED: { entryDate: '2025-05-10' },
  PERMIT_APPLIED: { applicationDate: '2025-05-20' },
  PERMIT_GRANTED: { grantDate: '2025-07-01' },
  PERMIT_REFUSED_IMPLICIT: { notificationDate: '2025-09-20' },
  CONTRACT_ENDED: { endDate: '2025-10-31' },
  RETURNED: { returnDate: '2025-11-02' },
  CLOSED: { closingDate: '2025-11-15' },
  ABANDONED: { decisionDate: '2025-06-01' },
  WITHDRAWN: { reason: 'Worker found another job' },
};

export const REQUIRED: Record<TransitionTargetState, string[]> = {
  OFFER_PUBLISHED: ['publicationDate'],
  AT_SUBMITTED: ['submissionDate'],
  AT_GRANTED: ['permitNumber', 'grantDate'],
  AT_REFUSED: ['notificationDate'],
  AWAITING_OFII: ['transmissionDate', 'ofiiOffice'],
  OFII_CONVOKED: ['convocationDate', 'appointmentDate', 'appointmentPlace'],
  MEDICAL_FIT: ['examinationDate'],
  MEDICAL_UNFIT: ['examinationDate'],
  VISA_FILED: ['filingDate', 'consulate'],
  VISA_ISSUED: ['visaType', 'validFrom', 'validTo'],
  VISA_REFUSED: ['notificationDate', 'grounds'],
  VISA_REFUSED_VERBAL: ['notificationDate'],
  VISA_REFUSED_IMPLICIT: ['notificationDate'],
  CRRV_FILED: ['filingDate'],
  CRRV_REJECTED: ['notificationDate'],
  CRRV_REJECTED_IMPLICIT: ['notificationDate'],
  TA_FILED: ['filingDate'],
  TA_ANNULLED: ['judgmentDate'],
  TA_REJECTED: ['judgmentDate'],
  ARRIVED: ['entryDate'],
  PERMIT_APPLIED: ['applicationDate'],
  PERMIT_GRANTED: ['grantDate'],
  PERMIT_REFUSED_IMPLICIT: ['notificationDate'],
  CONTRACT_ENDED: ['endDate'],
  RETURNED: ['returnDate'],
  CLOSED: ['closingDate'],
  ABANDONED: ['decisionDate'],
  WITHDRAWN: ['reason'],
};

/** Optional data each transition accepts on top of the minimal data. */
export const OPTIONAL: Partial<Record<TransitionTargetState, RawData>> = {
  OFFER_PUBLISHED: { offerReference: 'FT-123456' },
  AT_SUBMITTED: { applicationReference: 'ANEF-99' },
  AT_GRANTED: { validUntil: '2025-12-31' },
  VISA_FILED: { applicationReference: 'FRA1CA20250001' },
  VISA_ISSUED: { issueDate: '2025-04-28', visaNumber: '123456789' },
  VISA_REFUSED: { groundsDetail: 'contrat illisible' },
  VISA_REFUSED_VERBAL: {
    grounds: ['information_incomplete_or_unreliable'],
    groundsDetail: 'dit au guichet',
  },
  CRRV_FILED: { caseNumber: 'CRRV-2025-778' },
  TA_FILED: { caseNumber: '2509876' },
  TA_ANNULLED: { notificationDate: '2026-02-12', injunctionMonths: 3 },
  PERMIT_APPLIED: { applicationReference: 'ANEF-4455' },
  PERMIT_GRANTED: { cardNumber: 'CS-77', validUntil: '2028-06-30' },
  ABANDONED: { reason: 'No appeal' },
  WITHDRAWN: { withdrawalDate: '2025-03-01' },
};

export const TARGETS = Object.keys(FROM) as TransitionTargetState[];
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function violationsOf(
  from: DossierState,
  to: DossierState,
  data: unknown,
  context?: TransitionValidationContext,
): TransitionViolation[] {
  const result = validateTransition(from, to, data, context);
  return result.ok ? [] : [...result.violations];
}

export function rulesOf(violations: TransitionViolation[]): string[] {
  return violations.map(
    (violation) => `${violation.rule}:${violation.field ?? ''}`,
  );
}

export function without(data: RawData, field: string): RawData {
  return Object.fromEntries(
    Object.entries(data).filter(([name]) => name !== field),
  );
}
