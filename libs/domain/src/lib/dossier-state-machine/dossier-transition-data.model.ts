import { CalendarDate } from '../calendar/calendar-date.util';
import { DossierState } from './dossier-state.model';

/**
 * The data entered with each transition, keyed by the state it leads to
 * (domain reference section 3, "Data a transition needs"). Every transition may carry a note.
 * Dates are 'YYYY-MM-DD'. {@link validateTransition} checks raw input against these shapes.
 */
interface TransitionNote {
  readonly note?: string;
}

export interface OfferPublishedData extends TransitionNote {
  readonly publicationDate: CalendarDate;
  readonly offerReference?: string;
}

export interface WorkPermitSubmittedData extends TransitionNote {
  readonly submissionDate: CalendarDate;
  readonly applicationReference?: string;
}

export interface WorkPermitGrantedData extends TransitionNote {
  readonly permitNumber: string;
  readonly grantDate: CalendarDate;
  readonly validUntil?: CalendarDate;
}

export interface WorkPermitRefusedData extends TransitionNote {
  readonly notificationDate: CalendarDate;
}

export interface AwaitingOfiiData extends TransitionNote {
  readonly transmissionDate: CalendarDate;
  readonly ofiiOffice: string;
}

export interface OfiiConvokedData extends TransitionNote {
  readonly convocationDate: CalendarDate;
  readonly appointmentDate: CalendarDate;
  readonly appointmentPlace: string;
}

export interface MedicalResultData extends TransitionNote {
  readonly examinationDate: CalendarDate;
}

export interface VisaFiledData extends TransitionNote {
  readonly filingDate: CalendarDate;
  readonly consulate: string;
  readonly applicationReference?: string;
}

export interface VisaIssuedData extends TransitionNote {
  readonly visaType: string;
  readonly validFrom: CalendarDate;
  readonly validTo: CalendarDate;
  readonly issueDate?: CalendarDate;
  readonly visaNumber?: string;
}

export interface VisaRefusedData extends TransitionNote {
  readonly notificationDate: CalendarDate;
  /** Codes of the ticked grounds (at least one for a written refusal). */
  readonly grounds: readonly string[];
  /** Free text required when a ground needing detail (e.g. "other") is ticked. */
  readonly groundsDetail?: string;
}

export interface VisaRefusedVerbalData extends TransitionNote {
  readonly notificationDate: CalendarDate;
  /** Grounds reported orally, when known. */
  readonly grounds?: readonly string[];
  readonly groundsDetail?: string;
}

/** For implicit decisions, `notificationDate` is the date the decision arose by silence. */
export interface ImplicitDecisionData extends TransitionNote {
  readonly notificationDate: CalendarDate;
}

export interface AppealFiledData extends TransitionNote {
  readonly filingDate: CalendarDate;
  readonly caseNumber?: string;
}

export interface AppealRejectedData extends TransitionNote {
  readonly notificationDate: CalendarDate;
}

export interface CourtAnnulmentData extends TransitionNote {
  readonly judgmentDate: CalendarDate;
  /** Date the judgment was notified; the injunction runs from it (judgment date when absent). */
  readonly notificationDate?: CalendarDate;
  /** Length of the injunction to issue the visa, in months (2 when not entered). */
  readonly injunctionMonths: number;
}

export interface CourtRejectionData extends TransitionNote {
  readonly judgmentDate: CalendarDate;
}

export interface ArrivalData extends TransitionNote {
  readonly entryDate: CalendarDate;
}

export interface ResidencePermitAppliedData extends TransitionNote {
  readonly applicationDate: CalendarDate;
  readonly applicationReference?: string;
}

export interface ResidencePermitGrantedData extends TransitionNote {
  readonly grantDate: CalendarDate;
  readonly cardNumber?: string;
  readonly validUntil?: CalendarDate;
}

export interface ContractEndedData extends TransitionNote {
  readonly endDate: CalendarDate;
}

export interface ReturnedData extends TransitionNote {
  readonly returnDate: CalendarDate;
}

export interface ClosedData extends TransitionNote {
  readonly closingDate: CalendarDate;
}

export interface AbandonedData extends TransitionNote {
  readonly decisionDate: CalendarDate;
  readonly reason?: string;
}

export interface WithdrawnData extends TransitionNote {
  readonly reason: string;
  readonly withdrawalDate?: CalendarDate;
}

export interface DossierTransitionDataMap {
  OFFER_PUBLISHED: OfferPublishedData;
  AT_SUBMITTED: WorkPermitSubmittedData;
  AT_GRANTED: WorkPermitGrantedData;
  AT_REFUSED: WorkPermitRefusedData;
  AWAITING_OFII: AwaitingOfiiData;
  OFII_CONVOKED: OfiiConvokedData;
  MEDICAL_FIT: MedicalResultData;
  MEDICAL_UNFIT: MedicalResultData;
  VISA_FILED: VisaFiledData;
  VISA_ISSUED: VisaIssuedData;
  VISA_REFUSED: VisaRefusedData;
  VISA_REFUSED_VERBAL: VisaRefusedVerbalData;
  VISA_REFUSED_IMPLICIT: ImplicitDecisionData;
  CRRV_FILED: AppealFiledData;
  CRRV_REJECTED: AppealRejectedData;
  CRRV_REJECTED_IMPLICIT: ImplicitDecisionData;
  TA_FILED: AppealFiledData;
  TA_ANNULLED: CourtAnnulmentData;
  TA_REJECTED: CourtRejectionData;
  ARRIVED: ArrivalData;
  PERMIT_APPLIED: ResidencePermitAppliedData;
  PERMIT_GRANTED: ResidencePermitGrantedData;
  PERMIT_REFUSED_IMPLICIT: ImplicitDecisionData;
  CONTRACT_ENDED: ContractEndedData;
  RETURNED: ReturnedData;
  CLOSED: ClosedData;
  ABANDONED: AbandonedData;
  WITHDRAWN: WithdrawnData;
}

/** Every state a transition can lead to (all but DRAFT, where a dossier starts). */
export type TransitionTargetState = keyof DossierTransitionDataMap;

/** The data of the transition leading to `S` (never for DRAFT). */
export type TransitionDataFor<S extends DossierState> =
  S extends TransitionTargetState ? DossierTransitionDataMap[S] : never;
