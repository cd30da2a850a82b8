import { BilingualText } from '../bilingual-text.model';
import { CalendarDate } from '../calendar/calendar-date.util';
import { DossierState } from '../dossier-state-machine/dossier-state.model';
import { DossierClockKind } from './dossier-clock.model';
import { DossierSnapshot } from './dossier-snapshot.model';
import { RunningDeadline, runningDeadlines } from './running-deadlines.util';

export interface NextExpectedStep {
  /** The states the dossier is expected to move to next (WITHDRAWN, always possible, is left out). */
  readonly expectedStates: readonly DossierState[];
  readonly action: BilingualText;
  /** The clock the step runs against, when one is running and its dates are recorded. */
  readonly deadline?: RunningDeadline;
}

interface StepDefinition {
  readonly expectedStates: readonly DossierState[];
  readonly action: BilingualText;
  readonly clock?: DossierClockKind;
}

/** What should happen next in each state; null once the dossier is over. */
export const NEXT_STEP_BY_STATE: Readonly<
  Record<DossierState, StepDefinition | null>
> = {
  DRAFT: {
    expectedStates: ['OFFER_PUBLISHED', 'AT_SUBMITTED'],
    action: {
      fr: "Publier l'offre d'emploi sur France Travail, ou demander l'autorisation de travail s'il s'agit d'un métier en tension",
      en: 'Publish the job offer on France Travail, or request the work permit for a shortage occupation',
    },
  },
  OFFER_PUBLISHED: {
    expectedStates: ['AT_SUBMITTED'],
    action: {
      fr: "Demander l'autorisation de travail sur l'ANEF après 3 semaines de publication",
      en: 'Request the work permit on ANEF after 3 weeks of publication',
    },
    clock: 'offer_period_end',
  },
  AT_SUBMITTED: {
    expectedStates: ['AT_GRANTED', 'AT_REFUSED'],
    action: {
      fr: "Attendre la décision sur l'autorisation de travail et relancer si besoin",
      en: 'Wait for the work permit decision and follow up if needed',
    },
  },
  AT_GRANTED: {
    expectedStates: ['AWAITING_OFII'],
    action: {
      fr: "Vérifier la transmission du dossier à l'OFII du pays du travailleur",
      en: "Check that the file is sent to OFII in the worker's country",
    },
    clock: 'work_permit_expiry',
  },
  AT_REFUSED: {
    expectedStates: ['AT_SUBMITTED', 'ABANDONED'],
    action: {
      fr: "Décider : nouvelle demande d'autorisation de travail ou abandon",
      en: 'Decide: new work permit request or give up',
    },
  },
  AWAITING_OFII: {
    expectedStates: ['OFII_CONVOKED'],
    action: {
      fr: "Attendre la convocation de l'OFII et la relancer par e-mail",
      en: 'Wait for the OFII convocation and follow up by e-mail',
    },
    clock: 'work_permit_expiry',
  },
  OFII_CONVOKED: {
    expectedStates: ['MEDICAL_FIT', 'MEDICAL_UNFIT'],
    action: {
      fr: "Présenter le travailleur au rendez-vous de l'OFII (visite médicale)",
      en: 'Bring the worker to the OFII appointment (medical check)',
    },
    clock: 'ofii_appointment',
  },
  MEDICAL_FIT: {
    expectedStates: ['VISA_FILED'],
    action: {
      fr: 'Déposer la demande de visa au consulat',
      en: 'File the visa application at the consulate',
    },
  },
  MEDICAL_UNFIT: {
    expectedStates: ['OFII_CONVOKED', 'ABANDONED'],
    action: {
      fr: "Décider : nouvelle convocation de l'OFII ou abandon",
      en: 'Decide: new OFII appointment or give up',
    },
  },
  VISA_FILED: {
    expectedStates: [
      'VISA_ISSUED',
      'VISA_REFUSED',
      'VISA_REFUSED_VERBAL',
      'VISA_REFUSED_IMPLICIT',
    ],
    action: {
      fr: 'Attendre la décision du consulat (son silence vaut refus implicite)',
      en: 'Wait for the consulate decision (silence means implicit refusal)',
    },
    clock: 'implicit_visa_refusal',
  },
  VISA_REFUSED: refusalStep(),
  VISA_REFUSED_VERBAL: refusalStep(),
  VISA_REFUSED_IMPLICIT: refusalStep(),
  CRRV_FILED: {
    expectedStates: ['VISA_ISSUED', 'CRRV_REJECTED', 'CRRV_REJECTED_IMPLICIT'],
    action: {
      fr: 'Attendre la décision de la CRRV (son silence vaut rejet implicite)',
      en: 'Wait for the CRRV decision (silence means implicit rejection)',
    },
    clock: 'implicit_crrv_rejection',
  },
  CRRV_REJECTED: crrvRejectionStep(),
  CRRV_REJECTED_IMPLICIT: crrvRejectionStep(),
  TA_FILED: {
    expectedStates: ['TA_ANNULLED', 'TA_REJECTED'],
    action: {
      fr: 'Attendre le jugement du tribunal administratif de Nantes',
      en: 'Wait for the judgment of the Nantes administrative court',
    },
  },
  TA_ANNULLED: {
    expectedStates: ['VISA_ISSUED'],
    action: {
      fr: "Veiller à la délivrance du visa dans le délai fixé par l'injonction",
      en: 'Make sure the visa is issued within the time set by the injunction',
    },
    clock: 'injunction',
  },
  TA_REJECTED: {
    expectedStates: ['VISA_FILED', 'ABANDONED'],
    action: {
      fr: 'Décider : nouvelle demande de visa ou abandon',
      en: 'Decide: new visa application or give up',
    },
  },
  VISA_ISSUED: {
    expectedStates: ['ARRIVED'],
    action: {
      fr: "Organiser l'arrivée en France avant la fin de validité du visa (DPAE au plus tôt 8 jours avant l'embauche)",
      en: 'Arrange the arrival in France before the visa expires (DPAE at most 8 days before work starts)',
    },
    clock: 'visa_expiry',
  },
  ARRIVED: {
    expectedStates: ['PERMIT_APPLIED'],
    action: {
      fr: 'Demander la carte de séjour « travailleur saisonnier » sur l’ANEF',
      en: 'Apply for the seasonal worker residence card on ANEF',
    },
    clock: 'card_application',
  },
  PERMIT_APPLIED: {
    expectedStates: ['PERMIT_GRANTED', 'PERMIT_REFUSED_IMPLICIT'],
    action: {
      fr: 'Attendre la décision de la préfecture (son silence vaut refus implicite)',
      en: 'Wait for the prefecture decision (silence means implicit refusal)',
    },
    clock: 'implicit_card_refusal',
  },
  PERMIT_GRANTED: {
    expectedStates: ['CONTRACT_ENDED'],
    action: {
      fr: 'Suivre la durée du séjour (6 mois au plus sur 12 mois) jusqu’à la fin du contrat',
      en: 'Track the length of stay (6 months at most in 12) until the contract ends',
    },
    clock: 'seasonal_stay_cap',
  },
  PERMIT_REFUSED_IMPLICIT: {
    expectedStates: [
      'PERMIT_APPLIED',
      'PERMIT_GRANTED',
      'CONTRACT_ENDED',
      'ABANDONED',
    ],
    action: {
      fr: 'Voir avec le cabinet : nouvelle demande, recours, ou fin du contrat et retour',
      en: 'Check with the firm: new application, appeal, or end of contract and return',
    },
    clock: 'seasonal_stay_cap',
  },
  CONTRACT_ENDED: {
    expectedStates: ['RETURNED'],
    action: {
      fr: "Enregistrer le retour du travailleur et son passage à l'OFII",
      en: "Record the worker's return and OFII check-in",
    },
  },
  RETURNED: {
    expectedStates: ['CLOSED'],
    action: {
      fr: 'Clôturer le dossier (la saison suivante fera l’objet d’un nouveau dossier)',
      en: "Close the dossier (next season's re-hire is a new dossier)",
    },
    clock: 'residence_card_expiry',
  },
  CLOSED: null,
  ABANDONED: null,
  WITHDRAWN: null,
};

function refusalStep(): StepDefinition {
  return {
    expectedStates: ['CRRV_FILED', 'VISA_FILED', 'ABANDONED'],
    action: {
      fr: 'Saisir la CRRV avant la date limite (ou redéposer une demande de visa) ; prévenir le cabinet',
      en: 'Appeal to the CRRV before the deadline (or re-apply for the visa); tell the firm',
    },
    clock: 'crrv_appeal',
  };
}

function crrvRejectionStep(): StepDefinition {
  return {
    expectedStates: ['TA_FILED', 'VISA_FILED', 'ABANDONED'],
    action: {
      fr: 'Saisir le tribunal administratif de Nantes avant la date limite (ou redéposer une demande de visa)',
      en: 'Appeal to the Nantes administrative court before the deadline (or re-apply for the visa)',
    },
    clock: 'court_appeal',
  };
}

/** The step the dossier waits for, with the deadline it runs against; null once it is over. */
export function nextExpectedStep(
  snapshot: DossierSnapshot,
  today: CalendarDate,
): NextExpectedStep | null {
  const step = NEXT_STEP_BY_STATE[snapshot.state];
  if (step === null) {
    return null;
  }
  const deadline = runningDeadlines(snapshot, today).find(
    (running) => running.kind === step.clock,
  );
  return deadline === undefined
    ? { expectedStates: step.expectedStates, action: step.action }
    : { expectedStates: step.expectedStates, action: step.action, deadline };
}
