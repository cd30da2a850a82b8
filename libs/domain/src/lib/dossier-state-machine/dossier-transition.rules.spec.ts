import {
  DOSSIER_STATES,
  DossierState,
  TERMINAL_DOSSIER_STATES,
} from './dossier-state.model';
import {
  allowedNextStates,
  DOSSIER_TRANSITION_TABLE,
  isTransitionAllowed,
  transitionRefusal,
} from './dossier-transition.rules';

/** The table of the domain reference (section 3), written out independently of the code. */
const TABLE_TRANSITIONS: ReadonlyArray<[DossierState, DossierState]> = [
  ['DRAFT', 'OFFER_PUBLISHED'],
  ['DRAFT', 'AT_SUBMITTED'], // shortage occupation only
  ['OFFER_PUBLISHED', 'AT_SUBMITTED'],
  ['AT_SUBMITTED', 'AT_GRANTED'],
  ['AT_SUBMITTED', 'AT_REFUSED'],
  ['AT_GRANTED', 'AWAITING_OFII'],
  ['AWAITING_OFII', 'OFII_CONVOKED'],
  ['OFII_CONVOKED', 'MEDICAL_FIT'],
  ['OFII_CONVOKED', 'MEDICAL_UNFIT'],
  ['MEDICAL_FIT', 'VISA_FILED'],
  ['VISA_FILED', 'VISA_ISSUED'],
  ['VISA_FILED', 'VISA_REFUSED'],
  ['VISA_FILED', 'VISA_REFUSED_VERBAL'],
  ['VISA_FILED', 'VISA_REFUSED_IMPLICIT'],
  ['VISA_REFUSED', 'CRRV_FILED'],
  ['VISA_REFUSED', 'VISA_FILED'],
  ['VISA_REFUSED', 'ABANDONED'],
  ['VISA_REFUSED_VERBAL', 'CRRV_FILED'],
  ['VISA_REFUSED_VERBAL', 'VISA_FILED'],
  ['VISA_REFUSED_VERBAL', 'ABANDONED'],
  ['VISA_REFUSED_IMPLICIT', 'CRRV_FILED'],
  ['VISA_REFUSED_IMPLICIT', 'VISA_FILED'],
  ['VISA_REFUSED_IMPLICIT', 'ABANDONED'],
  ['CRRV_FILED', 'VISA_ISSUED'],
  ['CRRV_FILED', 'CRRV_REJECTED'],
  ['CRRV_FILED', 'CRRV_REJECTED_IMPLICIT'],
  ['CRRV_REJECTED', 'TA_FILED'],
  ['CRRV_REJECTED', 'VISA_FILED'],
  ['CRRV_REJECTED', 'ABANDONED'],
  ['CRRV_REJECTED_IMPLICIT', 'TA_FILED'],
  ['CRRV_REJECTED_IMPLICIT', 'VISA_FILED'],
  ['CRRV_REJECTED_IMPLICIT', 'ABANDONED'],
  ['TA_FILED', 'TA_ANNULLED'],
  ['TA_FILED', 'TA_REJECTED'],
  ['TA_ANNULLED', 'VISA_ISSUED'],
  ['VISA_ISSUED', 'ARRIVED'],
  ['ARRIVED', 'PERMIT_APPLIED'],
  ['PERMIT_APPLIED', 'PERMIT_GRANTED'],
  ['PERMIT_APPLIED', 'PERMIT_REFUSED_IMPLICIT'],
  ['PERMIT_GRANTED', 'CONTRACT_ENDED'],
  ['CONTRACT_ENDED', 'RETURNED'],
  ['RETURNED', 'CLOSED'],
];

/** Exits chosen for the states the table leaves open (documented in dossier-transition.rules.ts). */
const DECIDED_TRANSITIONS: ReadonlyArray<[DossierState, DossierState]> = [
  ['AT_REFUSED', 'AT_SUBMITTED'],
  ['AT_REFUSED', 'ABANDONED'],
  ['MEDICAL_UNFIT', 'OFII_CONVOKED'],
  ['MEDICAL_UNFIT', 'ABANDONED'],
  ['TA_REJECTED', 'VISA_FILED'],
  ['TA_REJECTED', 'ABANDONED'],
  ['PERMIT_REFUSED_IMPLICIT', 'PERMIT_APPLIED'],
  ['PERMIT_REFUSED_IMPLICIT', 'PERMIT_GRANTED'],
  ['PERMIT_REFUSED_IMPLICIT', 'CONTRACT_ENDED'],
  ['PERMIT_REFUSED_IMPLICIT', 'ABANDONED'],
];

const TERMINAL: readonly DossierState[] = ['CLOSED', 'ABANDONED', 'WITHDRAWN'];
const OPEN_STATES = DOSSIER_STATES.filter((state) => !TERMINAL.includes(state));
const WITHDRAWALS = OPEN_STATES.map((state): [DossierState, DossierState] => [
  state,
  'WITHDRAWN',
]);
const ALLOWED = new Set(
  [...TABLE_TRANSITIONS, ...DECIDED_TRANSITIONS, ...WITHDRAWALS].map(
    ([from, to]) => `${from}->${to}`,
  ),
);
const SHORTAGE = { shortageOccupation: true };

describe('dossier transitions', () => {
  it.each(TABLE_TRANSITIONS)('allows %s -> %s (domain table)', (from, to) => {
    expect(isTransitionAllowed(from, to, SHORTAGE)).toBe(true);
    expect(allowedNextStates(from, SHORTAGE)).toContain(to);
  });

  it.each(DECIDED_TRANSITIONS)(
    'allows %s -> %s (decision for a state the table leaves open)',
    (from, to) => {
      expect(isTransitionAllowed(from, to)).toBe(true);
    },
  );

  it.each(WITHDRAWALS)(
    'allows the employer to withdraw: %s -> %s',
    (from, to) => {
      expect(isTransitionAllowed(from, to)).toBe(true);
      expect(allowedNextStates(from)).toContain('WITHDRAWN');
    },
  );

  it('refuses every pair of states that is not listed (sweep of all 29 x 29 pairs)', () => {
    const wronglyAllowed: string[] = [];
    const wronglyRefused: string[] = [];
    for (const from of DOSSIER_STATES) {
      for (const to of DOSSIER_STATES) {
        const key = `${from}->${to}`;
        const allowed = isTransitionAllowed(from, to, SHORTAGE);
        if (allowed && !ALLOWED.has(key)) wronglyAllowed.push(key);
        if (!allowed && ALLOWED.has(key)) wronglyRefused.push(key);
        if (!ALLOWED.has(key)) {
          expect(transitionRefusal(from, to, SHORTAGE)).toBe(
            'TRANSITION_NOT_ALLOWED',
          );
        }
      }
    }
    expect(wronglyAllowed).toEqual([]);
    expect(wronglyRefused).toEqual([]);
    expect(ALLOWED.size).toBe(
      TABLE_TRANSITIONS.length + DECIDED_TRANSITIONS.length + 26,
    );
  });

  it('lists exactly the allowed next states of each state, WITHDRAWN last', () => {
    for (const from of DOSSIER_STATES) {
      const expected = DOSSIER_STATES.filter((to) =>
        ALLOWED.has(`${from}->${to}`),
      );
      expect([...allowedNextStates(from, SHORTAGE)].sort()).toEqual(
        [...expected].sort(),
      );
    }
    expect(allowedNextStates('VISA_FILED')).toEqual([
      'VISA_ISSUED',
      'VISA_REFUSED',
      'VISA_REFUSED_VERBAL',
      'VISA_REFUSED_IMPLICIT',
      'WITHDRAWN',
    ]);
  });

  it('never leads back to DRAFT and never leaves a terminal state', () => {
    for (const from of DOSSIER_STATES) {
      expect(isTransitionAllowed(from, 'DRAFT', SHORTAGE)).toBe(false);
    }
    for (const terminal of TERMINAL_DOSSIER_STATES) {
      expect(allowedNextStates(terminal, SHORTAGE)).toEqual([]);
      expect(DOSSIER_TRANSITION_TABLE[terminal]).toEqual([]);
    }
    expect(isTransitionAllowed('WITHDRAWN', 'WITHDRAWN')).toBe(false);
    expect(isTransitionAllowed('CLOSED', 'WITHDRAWN')).toBe(false);
  });

  it('never lets a state lead to itself', () => {
    for (const state of DOSSIER_STATES) {
      expect(isTransitionAllowed(state, state, SHORTAGE)).toBe(false);
    }
  });
});

describe('shortage occupation guard (DRAFT -> AT_SUBMITTED)', () => {
  it('allows skipping the job offer for a shortage occupation', () => {
    expect(
      transitionRefusal('DRAFT', 'AT_SUBMITTED', { shortageOccupation: true }),
    ).toBeNull();
    expect(allowedNextStates('DRAFT', { shortageOccupation: true })).toEqual([
      'OFFER_PUBLISHED',
      'AT_SUBMITTED',
      'WITHDRAWN',
    ]);
  });

  it('refuses it otherwise, including when the flag is missing', () => {
    expect(
      transitionRefusal('DRAFT', 'AT_SUBMITTED', { shortageOccupation: false }),
    ).toBe('SHORTAGE_OCCUPATION_REQUIRED');
    expect(transitionRefusal('DRAFT', 'AT_SUBMITTED')).toBe(
      'SHORTAGE_OCCUPATION_REQUIRED',
    );
    expect(isTransitionAllowed('DRAFT', 'AT_SUBMITTED', {})).toBe(false);
    expect(allowedNextStates('DRAFT')).toEqual([
      'OFFER_PUBLISHED',
      'WITHDRAWN',
    ]);
  });

  it('does not apply once the offer is published', () => {
    expect(
      isTransitionAllowed('OFFER_PUBLISHED', 'AT_SUBMITTED', {
        shortageOccupation: false,
      }),
    ).toBe(true);
    expect(isTransitionAllowed('AT_REFUSED', 'AT_SUBMITTED')).toBe(true);
  });
});
