import {
  DEFAULT_VISA_REFUSAL_GROUNDS,
  findVisaRefusalGround,
  OTHER_VISA_REFUSAL_GROUND_CODE,
} from './visa-refusal-ground.model';

describe('DEFAULT_VISA_REFUSAL_GROUNDS', () => {
  it('seeds the grounds of the domain reference, refusal form first, then those seen in CRRV decisions', () => {
    expect(
      DEFAULT_VISA_REFUSAL_GROUNDS.map((ground) => [
        ground.code,
        ground.source,
      ]),
    ).toEqual([
      ['false_travel_document', 'refusal_form'],
      ['insufficient_resources', 'refusal_form'],
      ['purpose_not_justified', 'refusal_form'],
      ['information_incomplete_or_unreliable', 'refusal_form'],
      ['risk_of_diverting_visa_purpose', 'refusal_form'],
      ['entry_ban_or_alert', 'refusal_form'],
      ['threat_to_public_order', 'refusal_form'],
      ['no_qualification_or_experience', 'crrv_decision'],
      ['contract_not_signed_by_both_parties', 'crrv_decision'],
      ['age_or_family_situation', 'crrv_decision'],
      ['other', 'refusal_form'],
    ]);
  });

  it('labels each ground in French and English, codes unique', () => {
    const codes = DEFAULT_VISA_REFUSAL_GROUNDS.map((ground) => ground.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const ground of DEFAULT_VISA_REFUSAL_GROUNDS) {
      expect(ground.label.fr.trim()).not.toBe('');
      expect(ground.label.en.trim()).not.toBe('');
      expect(ground.code).toMatch(/^[a-z_]+$/);
    }
    expect(
      findVisaRefusalGround('risk_of_diverting_visa_purpose')?.label.fr,
    ).toContain("détournement de l'objet du visa");
    expect(
      findVisaRefusalGround('information_incomplete_or_unreliable')?.label.en,
    ).toBe('Information provided incomplete and/or unreliable');
  });

  it('asks for a free-text detail only for the "other" ground', () => {
    expect(
      DEFAULT_VISA_REFUSAL_GROUNDS.filter(
        (ground) => ground.requiresDetail,
      ).map((ground) => ground.code),
    ).toEqual([OTHER_VISA_REFUSAL_GROUND_CODE]);
  });

  it('cannot be altered by a caller', () => {
    expect(Object.isFrozen(DEFAULT_VISA_REFUSAL_GROUNDS)).toBe(true);
  });
});

describe('findVisaRefusalGround', () => {
  it('finds a ground by code in the seed list or in a given list', () => {
    expect(findVisaRefusalGround('other')?.requiresDetail).toBe(true);
    expect(findVisaRefusalGround('unknown_code')).toBeUndefined();
    const firmList = [
      {
        code: 'housing',
        label: { fr: 'Logement', en: 'Housing' },
        source: 'crrv_decision' as const,
        requiresDetail: false,
      },
    ];
    expect(findVisaRefusalGround('housing', firmList)?.label.en).toBe(
      'Housing',
    );
    expect(findVisaRefusalGround('other', firmList)).toBeUndefined();
  });
});
