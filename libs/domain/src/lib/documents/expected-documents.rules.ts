import { DossierState } from '../dossier-state-machine/dossier-state.model';
import { DocumentType } from './document-type.model';

/*
 * The papers a dossier usually holds once it has reached a state (domain reference, sections 2, 3
 * and 7). Cumulative along the procedure: a dossier waiting for OFII still needs its passport,
 * contract and permit. Refusal and appeal papers are expected only while the dossier is in the
 * refusal or appeal branch, since a later state does not tell which branch it went through. A guide
 * for the employer ("what is still missing"), never a legal requirement.
 */

/** Every dossier: the worker's passport (number and expiry). */
const IDENTITY: readonly DocumentType[] = ['passport'];
/** The work permit request goes with the contract signed by both parties. */
const PERMIT_REQUESTED: readonly DocumentType[] = [
  ...IDENTITY,
  'employment_contract',
];
const PERMIT_GRANTED: readonly DocumentType[] = [
  ...PERMIT_REQUESTED,
  'work_permit',
];
const CONVOKED: readonly DocumentType[] = [
  ...PERMIT_GRANTED,
  'ofii_convocation',
];
const MEDICAL_DONE: readonly DocumentType[] = [
  ...CONVOKED,
  'medical_certificate',
];
const CRRV_APPEALED: readonly DocumentType[] = [...MEDICAL_DONE, 'crrv_appeal'];
const VISA_ISSUED: readonly DocumentType[] = [...MEDICAL_DONE, 'visa'];
/** In France: the farm housing and the DPAE receipt (MSA). */
const IN_FRANCE: readonly DocumentType[] = [
  ...VISA_ISSUED,
  'accommodation',
  'dpae',
];
const CARD_GRANTED: readonly DocumentType[] = [...IN_FRANCE, 'residence_card'];

const EXPECTED_DOCUMENTS: Readonly<
  Record<DossierState, readonly DocumentType[]>
> = {
  DRAFT: IDENTITY,
  OFFER_PUBLISHED: IDENTITY,
  AT_SUBMITTED: PERMIT_REQUESTED,
  AT_REFUSED: PERMIT_REQUESTED,
  AT_GRANTED: PERMIT_GRANTED,
  AWAITING_OFII: PERMIT_GRANTED,
  OFII_CONVOKED: CONVOKED,
  MEDICAL_FIT: MEDICAL_DONE,
  MEDICAL_UNFIT: MEDICAL_DONE,
  VISA_FILED: MEDICAL_DONE,
  VISA_ISSUED: VISA_ISSUED,
  /** A written refusal: its decision is what the CRRV appeal answers. */
  VISA_REFUSED: [...MEDICAL_DONE, 'refusal_decision'],
  /** Verbal and implicit refusals leave no paper. */
  VISA_REFUSED_VERBAL: MEDICAL_DONE,
  VISA_REFUSED_IMPLICIT: MEDICAL_DONE,
  CRRV_FILED: CRRV_APPEALED,
  CRRV_REJECTED: [...CRRV_APPEALED, 'crrv_decision'],
  CRRV_REJECTED_IMPLICIT: CRRV_APPEALED,
  TA_FILED: CRRV_APPEALED,
  TA_ANNULLED: [...CRRV_APPEALED, 'judgment'],
  TA_REJECTED: [...CRRV_APPEALED, 'judgment'],
  ARRIVED: IN_FRANCE,
  PERMIT_APPLIED: IN_FRANCE,
  PERMIT_REFUSED_IMPLICIT: IN_FRANCE,
  PERMIT_GRANTED: CARD_GRANTED,
  CONTRACT_ENDED: CARD_GRANTED,
  RETURNED: CARD_GRANTED,
  /** A closed, abandoned or withdrawn dossier collects nothing more. */
  CLOSED: [],
  ABANDONED: [],
  WITHDRAWN: [],
};

/** The papers usually expected once a dossier is in `state`, in the order of the procedure. */
export function expectedDocuments(state: DossierState): DocumentType[] {
  return [...EXPECTED_DOCUMENTS[state]];
}

/**
 * The expected papers of `state` that are not among `presentTypes` (types of the dossier's
 * documents, and of its worker's passport or residence card), in the order of the procedure.
 */
export function missingDocuments(
  state: DossierState,
  presentTypes: Iterable<DocumentType>,
): DocumentType[] {
  const present = new Set(presentTypes);
  return EXPECTED_DOCUMENTS[state].filter((type) => !present.has(type));
}
