import { BilingualText } from '../bilingual-text.model';
import { DossierState } from './dossier-state.model';

/** Groups of states, in procedure order, for display (timelines, dashboards, filters). */
export const DOSSIER_STAGES = [
  'preparation',
  'work_permit',
  'ofii',
  'visa',
  'appeals',
  'arrival',
  'residence',
  'return',
  'ended',
] as const;

export type DossierStage = (typeof DOSSIER_STAGES)[number];

export const DOSSIER_STAGE_LABELS: Readonly<
  Record<DossierStage, BilingualText>
> = {
  preparation: { fr: 'Préparation', en: 'Preparation' },
  work_permit: { fr: 'Autorisation de travail', en: 'Work permit' },
  ofii: { fr: 'OFII', en: 'OFII' },
  visa: { fr: 'Visa', en: 'Visa' },
  appeals: { fr: 'Recours', en: 'Appeals' },
  arrival: { fr: 'Arrivée', en: 'Arrival' },
  residence: { fr: 'Séjour', en: 'Residence' },
  return: { fr: 'Fin de saison', en: 'End of season' },
  ended: { fr: 'Terminé', en: 'Ended' },
};

export const DOSSIER_STAGE_OF_STATE: Readonly<
  Record<DossierState, DossierStage>
> = {
  DRAFT: 'preparation',
  OFFER_PUBLISHED: 'preparation',
  AT_SUBMITTED: 'work_permit',
  AT_GRANTED: 'work_permit',
  AT_REFUSED: 'work_permit',
  AWAITING_OFII: 'ofii',
  OFII_CONVOKED: 'ofii',
  MEDICAL_FIT: 'ofii',
  MEDICAL_UNFIT: 'ofii',
  VISA_FILED: 'visa',
  VISA_ISSUED: 'visa',
  VISA_REFUSED: 'visa',
  VISA_REFUSED_VERBAL: 'visa',
  VISA_REFUSED_IMPLICIT: 'visa',
  CRRV_FILED: 'appeals',
  CRRV_REJECTED: 'appeals',
  CRRV_REJECTED_IMPLICIT: 'appeals',
  TA_FILED: 'appeals',
  TA_ANNULLED: 'appeals',
  TA_REJECTED: 'appeals',
  ARRIVED: 'arrival',
  PERMIT_APPLIED: 'residence',
  PERMIT_GRANTED: 'residence',
  PERMIT_REFUSED_IMPLICIT: 'residence',
  CONTRACT_ENDED: 'return',
  RETURNED: 'return',
  CLOSED: 'ended',
  ABANDONED: 'ended',
  WITHDRAWN: 'ended',
};

export function stageOfState(state: DossierState): DossierStage {
  return DOSSIER_STAGE_OF_STATE[state];
}

/** The states of a stage, in the order of {@link DOSSIER_STAGE_OF_STATE}. */
export function statesOfStage(stage: DossierStage): DossierState[] {
  return (Object.keys(DOSSIER_STAGE_OF_STATE) as DossierState[]).filter(
    (state) => DOSSIER_STAGE_OF_STATE[state] === stage,
  );
}
