import { BilingualText } from '../bilingual-text.model';

/** The states of a dossier (one worker, one season), domain reference section 3. */
export const DOSSIER_STATES = [
  'DRAFT',
  'OFFER_PUBLISHED',
  'AT_SUBMITTED',
  'AT_GRANTED',
  'AT_REFUSED',
  'AWAITING_OFII',
  'OFII_CONVOKED',
  'MEDICAL_FIT',
  'MEDICAL_UNFIT',
  'VISA_FILED',
  'VISA_ISSUED',
  'VISA_REFUSED',
  'VISA_REFUSED_VERBAL',
  'VISA_REFUSED_IMPLICIT',
  'CRRV_FILED',
  'CRRV_REJECTED',
  'CRRV_REJECTED_IMPLICIT',
  'TA_FILED',
  'TA_ANNULLED',
  'TA_REJECTED',
  'ARRIVED',
  'PERMIT_APPLIED',
  'PERMIT_GRANTED',
  'PERMIT_REFUSED_IMPLICIT',
  'CONTRACT_ENDED',
  'RETURNED',
  'CLOSED',
  'ABANDONED',
  'WITHDRAWN',
] as const;

export type DossierState = (typeof DOSSIER_STATES)[number];

/**
 * States a dossier never leaves. The refusal states AT_REFUSED, MEDICAL_UNFIT, TA_REJECTED and
 * PERMIT_REFUSED_IMPLICIT are deliberately NOT terminal: the employer may still re-apply,
 * give up (ABANDONED) or withdraw (see dossier-transition.rules.ts).
 */
export const TERMINAL_DOSSIER_STATES = [
  'CLOSED',
  'ABANDONED',
  'WITHDRAWN',
] as const satisfies readonly DossierState[];

export function isDossierState(value: unknown): value is DossierState {
  return (
    typeof value === 'string' &&
    (DOSSIER_STATES as readonly string[]).includes(value)
  );
}

export function isTerminalDossierState(state: DossierState): boolean {
  return (TERMINAL_DOSSIER_STATES as readonly DossierState[]).includes(state);
}

export const DOSSIER_STATE_LABELS: Readonly<
  Record<DossierState, BilingualText>
> = {
  DRAFT: { fr: 'Brouillon', en: 'Draft' },
  OFFER_PUBLISHED: { fr: "Offre d'emploi publiée", en: 'Job offer published' },
  AT_SUBMITTED: {
    fr: 'Autorisation de travail demandée',
    en: 'Work permit requested',
  },
  AT_GRANTED: {
    fr: 'Autorisation de travail accordée',
    en: 'Work permit granted',
  },
  AT_REFUSED: {
    fr: 'Autorisation de travail refusée',
    en: 'Work permit refused',
  },
  AWAITING_OFII: {
    fr: 'Transmis à l’OFII, en attente de convocation',
    en: 'Sent to OFII, awaiting convocation',
  },
  OFII_CONVOKED: { fr: 'Convoqué par l’OFII', en: 'Convoked by OFII' },
  MEDICAL_FIT: { fr: 'Visite médicale : apte', en: 'Medical check: fit' },
  MEDICAL_UNFIT: { fr: 'Visite médicale : inapte', en: 'Medical check: unfit' },
  VISA_FILED: { fr: 'Demande de visa déposée', en: 'Visa application filed' },
  VISA_ISSUED: { fr: 'Visa délivré', en: 'Visa issued' },
  VISA_REFUSED: {
    fr: 'Visa refusé (décision écrite)',
    en: 'Visa refused (written decision)',
  },
  VISA_REFUSED_VERBAL: {
    fr: 'Visa refusé oralement',
    en: 'Visa refused verbally',
  },
  VISA_REFUSED_IMPLICIT: {
    fr: 'Visa refusé implicitement (silence)',
    en: 'Visa refused implicitly (silence)',
  },
  CRRV_FILED: { fr: 'Recours CRRV déposé', en: 'CRRV appeal filed' },
  CRRV_REJECTED: { fr: 'Recours CRRV rejeté', en: 'CRRV appeal rejected' },
  CRRV_REJECTED_IMPLICIT: {
    fr: 'Recours CRRV rejeté implicitement (silence)',
    en: 'CRRV appeal rejected implicitly (silence)',
  },
  TA_FILED: {
    fr: 'Recours au tribunal administratif déposé',
    en: 'Court appeal filed',
  },
  TA_ANNULLED: {
    fr: 'Refus annulé par le tribunal (injonction)',
    en: 'Refusal annulled by the court (injunction)',
  },
  TA_REJECTED: {
    fr: 'Recours rejeté par le tribunal',
    en: 'Court appeal rejected',
  },
  ARRIVED: { fr: 'Arrivé en France', en: 'Arrived in France' },
  PERMIT_APPLIED: {
    fr: 'Carte de séjour demandée',
    en: 'Residence card applied for',
  },
  PERMIT_GRANTED: {
    fr: 'Carte de séjour accordée',
    en: 'Residence card granted',
  },
  PERMIT_REFUSED_IMPLICIT: {
    fr: 'Carte de séjour refusée implicitement (silence)',
    en: 'Residence card refused implicitly (silence)',
  },
  CONTRACT_ENDED: { fr: 'Contrat terminé', en: 'Contract ended' },
  RETURNED: { fr: 'Rentré au pays', en: 'Returned home' },
  CLOSED: { fr: 'Clôturé', en: 'Closed' },
  ABANDONED: { fr: 'Abandonné', en: 'Abandoned' },
  WITHDRAWN: { fr: "Retiré par l'employeur", en: 'Withdrawn by the employer' },
};
