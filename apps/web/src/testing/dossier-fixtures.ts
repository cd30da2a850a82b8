import { DeadlineView, DossierListItem } from '@moisson/contract';

/** A dossier of the list as the API answers it, in AWAITING_OFII unless overridden. */
export function dossierItem(
  id: string,
  overrides: Partial<DossierListItem> = {},
): DossierListItem {
  return {
    id,
    employerId: 'e-1',
    worker: {
      id: `w-${id}`,
      surname: 'Bennani',
      givenNames: 'Abdelkader',
      nationality: 'MA',
      passportNumberMasked: '••••••128',
    },
    campaign: { id: 'c-1', name: 'Vendanges 2027' },
    season: 2027,
    jobTitle: 'Ouvrier viticole',
    contractType: 'seasonal',
    shortageOccupation: true,
    plannedStart: '2027-08-25',
    plannedEnd: '2027-10-20',
    ofiiOffice: 'casablanca',
    consulate: 'casablanca',
    permitNumber: null,
    permitGrantedOn: null,
    permitValidUntil: null,
    state: 'AWAITING_OFII',
    stage: 'ofii',
    stateChangedAt: '2026-10-01T09:00:00Z',
    convocationOverdue: false,
    daysWaitingForConvocation: 10,
    plannedStartAtRisk: false,
    legalDeadline: null,
    createdAt: '2026-09-01T09:00:00Z',
    updatedAt: '2026-10-01T09:00:00Z',
    ...overrides,
  };
}

/** The CRRV appeal deadline of a written visa refusal, `daysLeft` days away. */
export function crrvDeadline(daysLeft: number): DeadlineView {
  return {
    kind: 'crrv_appeal',
    label: { fr: 'Recours devant la CRRV', en: 'Appeal to the CRRV' },
    legal: true,
    startDate: '2026-11-14',
    nominalDueDate: '2026-12-14',
    dueDate: '2026-12-14',
    rolled: false,
    daysLeft,
    notice: {
      fr: 'calculée - à vérifier par le cabinet',
      en: 'computed - to be checked by the firm',
    },
  };
}
