import { DOSSIER_STATES } from './dossier-state.model';
import {
  DOSSIER_STAGE_LABELS,
  DOSSIER_STAGES,
  stageOfState,
  statesOfStage,
} from './dossier-stage.model';

describe('dossier stages', () => {
  it('puts every state in exactly one stage, stages in procedure order', () => {
    const flattened = DOSSIER_STAGES.flatMap((stage) => statesOfStage(stage));
    expect([...flattened].sort()).toEqual([...DOSSIER_STATES].sort());
    expect(flattened).toEqual([...DOSSIER_STATES]);
  });

  it.each([
    ['DRAFT', 'preparation'],
    ['OFFER_PUBLISHED', 'preparation'],
    ['AT_REFUSED', 'work_permit'],
    ['AWAITING_OFII', 'ofii'],
    ['MEDICAL_UNFIT', 'ofii'],
    ['VISA_REFUSED_IMPLICIT', 'visa'],
    ['CRRV_FILED', 'appeals'],
    ['TA_ANNULLED', 'appeals'],
    ['ARRIVED', 'arrival'],
    ['PERMIT_REFUSED_IMPLICIT', 'residence'],
    ['RETURNED', 'return'],
    ['WITHDRAWN', 'ended'],
  ] as const)('%s is in the %s stage', (state, stage) => {
    expect(stageOfState(state)).toBe(stage);
  });

  it('groups the end states together', () => {
    expect(statesOfStage('ended')).toEqual([
      'CLOSED',
      'ABANDONED',
      'WITHDRAWN',
    ]);
    expect(statesOfStage('appeals')).toEqual([
      'CRRV_FILED',
      'CRRV_REJECTED',
      'CRRV_REJECTED_IMPLICIT',
      'TA_FILED',
      'TA_ANNULLED',
      'TA_REJECTED',
    ]);
  });

  it('labels every stage in French and English', () => {
    expect(
      DOSSIER_STAGES.map((stage) => DOSSIER_STAGE_LABELS[stage].fr),
    ).toEqual([
      'Préparation',
      'Autorisation de travail',
      'OFII',
      'Visa',
      'Recours',
      'Arrivée',
      'Séjour',
      'Fin de saison',
      'Terminé',
    ]);
    expect(DOSSIER_STAGE_LABELS.appeals.en).toBe('Appeals');
  });
});
