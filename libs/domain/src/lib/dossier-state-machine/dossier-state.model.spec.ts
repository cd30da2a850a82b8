import {
  DOSSIER_STATE_LABELS,
  DOSSIER_STATES,
  isDossierState,
  isTerminalDossierState,
  TERMINAL_DOSSIER_STATES,
} from './dossier-state.model';

describe('dossier states', () => {
  it('lists the 29 states of the domain reference once each', () => {
    expect(DOSSIER_STATES).toHaveLength(29);
    expect(new Set(DOSSIER_STATES).size).toBe(29);
    expect(DOSSIER_STATES[0]).toBe('DRAFT');
  });

  it('recognises state names and nothing else', () => {
    expect(isDossierState('VISA_REFUSED_VERBAL')).toBe(true);
    expect(isDossierState('visa_refused')).toBe(false);
    expect(isDossierState(3)).toBe(false);
    expect(isDossierState(undefined)).toBe(false);
  });

  it('has exactly three terminal states; refusal states stay open', () => {
    expect([...TERMINAL_DOSSIER_STATES]).toEqual([
      'CLOSED',
      'ABANDONED',
      'WITHDRAWN',
    ]);
    expect(DOSSIER_STATES.filter(isTerminalDossierState)).toEqual([
      'CLOSED',
      'ABANDONED',
      'WITHDRAWN',
    ]);
    for (const state of [
      'AT_REFUSED',
      'MEDICAL_UNFIT',
      'TA_REJECTED',
      'PERMIT_REFUSED_IMPLICIT',
    ] as const) {
      expect(isTerminalDossierState(state)).toBe(false);
    }
  });

  it('labels every state in French and English, each label distinct', () => {
    const french = DOSSIER_STATES.map(
      (state) => DOSSIER_STATE_LABELS[state].fr,
    );
    const english = DOSSIER_STATES.map(
      (state) => DOSSIER_STATE_LABELS[state].en,
    );
    expect(french.every((label) => label.trim().length > 0)).toBe(true);
    expect(new Set(french).size).toBe(29);
    expect(new Set(english).size).toBe(29);
    expect(DOSSIER_STATE_LABELS.AWAITING_OFII.fr).toContain('OFII');
  });
});
