import { DOSSIER_STATES } from '../dossier-state-machine/dossier-state.model';
import { allowedNextStates } from '../dossier-state-machine/dossier-transition.rules';
import {
  NEXT_STEP_BY_STATE,
  nextExpectedStep,
} from './next-expected-step.util';

describe('nextExpectedStep', () => {
  it('after a visa refusal: appeal to the CRRV, with its deadline', () => {
    const step = nextExpectedStep(
      {
        state: 'VISA_REFUSED',
        recorded: {
          VISA_REFUSED: { notificationDate: '2025-04-01', grounds: ['other'] },
        },
      },
      '2025-04-20',
    );
    expect(step?.expectedStates).toEqual([
      'CRRV_FILED',
      'VISA_FILED',
      'ABANDONED',
    ]);
    expect(step?.action.en).toContain('Appeal to the CRRV');
    expect(step?.action.fr).toContain('Saisir la CRRV');
    expect(step?.deadline).toMatchObject({
      kind: 'crrv_appeal',
      dueDate: '2025-05-02',
      daysLeft: 12,
    });
  });

  it('in AWAITING_OFII: wait for the convocation and follow up', () => {
    const step = nextExpectedStep(
      {
        state: 'AWAITING_OFII',
        recorded: {
          AWAITING_OFII: {
            transmissionDate: '2025-02-12',
            ofiiOffice: 'Dakar',
          },
        },
      },
      '2025-03-20',
    );
    expect(step).toEqual({
      expectedStates: ['OFII_CONVOKED'],
      action: {
        fr: "Attendre la convocation de l'OFII et la relancer par e-mail",
        en: 'Wait for the OFII convocation and follow up by e-mail',
      },
    });
  });

  it('gives the deadline of a step only when its dates are recorded', () => {
    const recorded = { ARRIVED: { entryDate: '2025-05-10' } };
    expect(
      nextExpectedStep({ state: 'ARRIVED', recorded }, '2025-06-01')?.deadline
        ?.dueDate,
    ).toBe('2025-07-10');
    expect(
      nextExpectedStep({ state: 'ARRIVED', recorded: {} }, '2025-06-01')
        ?.deadline,
    ).toBeUndefined();
  });

  it('is null once the dossier is over', () => {
    for (const state of ['CLOSED', 'ABANDONED', 'WITHDRAWN'] as const) {
      expect(
        nextExpectedStep({ state, recorded: {} }, '2025-06-01'),
      ).toBeNull();
    }
  });

  it('expects only moves the state machine allows, for every open state', () => {
    for (const state of DOSSIER_STATES) {
      const step = NEXT_STEP_BY_STATE[state];
      if (step === null) {
        expect(allowedNextStates(state)).toEqual([]);
        continue;
      }
      expect(step.expectedStates.length).toBeGreaterThan(0);
      const allowed = allowedNextStates(state, { shortageOccupation: true });
      expect(
        step.expectedStates.filter((next) => !allowed.includes(next)),
      ).toEqual([]);
      expect(step.action.fr.length).toBeGreaterThan(0);
      expect(step.action.en.length).toBeGreaterThan(0);
    }
  });
});
