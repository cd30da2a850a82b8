import { DossierState, isTerminalDossierState } from './dossier-state.model';

/** Facts about the dossier that some transitions depend on. */
export interface TransitionGuardContext {
  /**
   * True when the job is a shortage occupation (métier en tension): the job offer may be
   * skipped and the work permit requested straight from DRAFT.
   */
  readonly shortageOccupation?: boolean;
}

/**
 * Transitions of the domain reference table (section 3), WITHDRAWN excepted: it is allowed
 * from every open state and added by {@link allowedNextStates}.
 *
 * Decisions on states the table leaves without an exit (none of them is terminal):
 * - AT_REFUSED -> AT_SUBMITTED (new work permit request), ABANDONED;
 * - MEDICAL_UNFIT -> OFII_CONVOKED (new medical appointment, e.g. after a deferral), ABANDONED;
 * - TA_REJECTED -> VISA_FILED (new visa application), ABANDONED (a further appeal to the
 *   Nantes administrative court of appeal is outside the product);
 * - PERMIT_REFUSED_IMPLICIT -> PERMIT_APPLIED (new application), PERMIT_GRANTED (late explicit
 *   decision), CONTRACT_ENDED (the season ends, the worker goes home), ABANDONED.
 * RETURNED -> CLOSED only: next season's re-hire is a new dossier, not a transition.
 */
export const DOSSIER_TRANSITION_TABLE: Readonly<
  Record<DossierState, readonly DossierState[]>
> = {
  DRAFT: ['OFFER_PUBLISHED', 'AT_SUBMITTED'],
  OFFER_PUBLISHED: ['AT_SUBMITTED'],
  AT_SUBMITTED: ['AT_GRANTED', 'AT_REFUSED'],
  AT_GRANTED: ['AWAITING_OFII'],
  AT_REFUSED: ['AT_SUBMITTED', 'ABANDONED'],
  AWAITING_OFII: ['OFII_CONVOKED'],
  OFII_CONVOKED: ['MEDICAL_FIT', 'MEDICAL_UNFIT'],
  MEDICAL_FIT: ['VISA_FILED'],
  MEDICAL_UNFIT: ['OFII_CONVOKED', 'ABANDONED'],
  VISA_FILED: [
    'VISA_ISSUED',
    'VISA_REFUSED',
    'VISA_REFUSED_VERBAL',
    'VISA_REFUSED_IMPLICIT',
  ],
  VISA_REFUSED: ['CRRV_FILED', 'VISA_FILED', 'ABANDONED'],
  VISA_REFUSED_VERBAL: ['CRRV_FILED', 'VISA_FILED', 'ABANDONED'],
  VISA_REFUSED_IMPLICIT: ['CRRV_FILED', 'VISA_FILED', 'ABANDONED'],
  CRRV_FILED: ['VISA_ISSUED', 'CRRV_REJECTED', 'CRRV_REJECTED_IMPLICIT'],
  CRRV_REJECTED: ['TA_FILED', 'VISA_FILED', 'ABANDONED'],
  CRRV_REJECTED_IMPLICIT: ['TA_FILED', 'VISA_FILED', 'ABANDONED'],
  TA_FILED: ['TA_ANNULLED', 'TA_REJECTED'],
  TA_ANNULLED: ['VISA_ISSUED'],
  TA_REJECTED: ['VISA_FILED', 'ABANDONED'],
  VISA_ISSUED: ['ARRIVED'],
  ARRIVED: ['PERMIT_APPLIED'],
  PERMIT_APPLIED: ['PERMIT_GRANTED', 'PERMIT_REFUSED_IMPLICIT'],
  PERMIT_GRANTED: ['CONTRACT_ENDED'],
  PERMIT_REFUSED_IMPLICIT: [
    'PERMIT_APPLIED',
    'PERMIT_GRANTED',
    'CONTRACT_ENDED',
    'ABANDONED',
  ],
  CONTRACT_ENDED: ['RETURNED'],
  RETURNED: ['CLOSED'],
  CLOSED: [],
  ABANDONED: [],
  WITHDRAWN: [],
};

/** Why a transition is refused, or null when it is allowed. */
export type TransitionRefusal =
  | 'TRANSITION_NOT_ALLOWED'
  | 'SHORTAGE_OCCUPATION_REQUIRED'
  | null;

/** Checks a transition against the table, the WITHDRAWN rule and the guards. */
export function transitionRefusal(
  from: DossierState,
  to: DossierState,
  context: TransitionGuardContext = {},
): TransitionRefusal {
  if (isTerminalDossierState(from)) {
    return 'TRANSITION_NOT_ALLOWED';
  }
  if (to === 'WITHDRAWN') {
    return null;
  }
  if (!DOSSIER_TRANSITION_TABLE[from].includes(to)) {
    return 'TRANSITION_NOT_ALLOWED';
  }
  if (
    from === 'DRAFT' &&
    to === 'AT_SUBMITTED' &&
    context.shortageOccupation !== true
  ) {
    return 'SHORTAGE_OCCUPATION_REQUIRED';
  }
  return null;
}

export function isTransitionAllowed(
  from: DossierState,
  to: DossierState,
  context: TransitionGuardContext = {},
): boolean {
  return transitionRefusal(from, to, context) === null;
}

/** The states a dossier may move to next, WITHDRAWN included for every open state. */
export function allowedNextStates(
  state: DossierState,
  context: TransitionGuardContext = {},
): DossierState[] {
  if (isTerminalDossierState(state)) {
    return [];
  }
  return [...DOSSIER_TRANSITION_TABLE[state], 'WITHDRAWN' as const].filter(
    (next) => isTransitionAllowed(state, next, context),
  );
}
