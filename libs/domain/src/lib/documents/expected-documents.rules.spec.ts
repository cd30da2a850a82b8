import { DOSSIER_STATES } from '../dossier-state-machine/dossier-state.model';
import { DOCUMENT_TYPES } from './document-type.model';
import {
  expectedDocuments,
  missingDocuments,
} from './expected-documents.rules';

describe('expectedDocuments', () => {
  it('asks only for the passport before the work permit is requested', () => {
    expect(expectedDocuments('DRAFT')).toEqual(['passport']);
    expect(expectedDocuments('OFFER_PUBLISHED')).toEqual(['passport']);
  });

  it('adds the contract with the permit request and the permit once granted', () => {
    expect(expectedDocuments('AT_SUBMITTED')).toEqual([
      'passport',
      'employment_contract',
    ]);
    expect(expectedDocuments('AWAITING_OFII')).toEqual([
      'passport',
      'employment_contract',
      'work_permit',
    ]);
  });

  it('follows the convocation, the medical visit and the visa', () => {
    expect(expectedDocuments('OFII_CONVOKED')).toContain('ofii_convocation');
    expect(expectedDocuments('OFII_CONVOKED')).not.toContain(
      'medical_certificate',
    );
    expect(expectedDocuments('VISA_FILED')).toContain('medical_certificate');
    expect(expectedDocuments('VISA_FILED')).not.toContain('visa');
    expect(expectedDocuments('VISA_ISSUED')).toEqual([
      'passport',
      'employment_contract',
      'work_permit',
      'ofii_convocation',
      'medical_certificate',
      'visa',
    ]);
  });

  it('expects a refusal decision only for a written refusal', () => {
    expect(expectedDocuments('VISA_REFUSED')).toContain('refusal_decision');
    expect(expectedDocuments('VISA_REFUSED_VERBAL')).not.toContain(
      'refusal_decision',
    );
    expect(expectedDocuments('VISA_REFUSED_IMPLICIT')).not.toContain(
      'refusal_decision',
    );
  });

  it('expects the CRRV appeal, its explicit decision, then the judgment', () => {
    expect(expectedDocuments('CRRV_FILED')).toContain('crrv_appeal');
    expect(expectedDocuments('CRRV_REJECTED')).toContain('crrv_decision');
    expect(expectedDocuments('CRRV_REJECTED_IMPLICIT')).not.toContain(
      'crrv_decision',
    );
    expect(expectedDocuments('TA_FILED')).not.toContain('judgment');
    expect(expectedDocuments('TA_ANNULLED')).toContain('judgment');
    expect(expectedDocuments('TA_REJECTED')).toContain('judgment');
  });

  it('adds accommodation and DPAE on arrival and the residence card once granted', () => {
    expect(expectedDocuments('ARRIVED')).toEqual(
      expect.arrayContaining(['visa', 'accommodation', 'dpae']),
    );
    expect(expectedDocuments('PERMIT_APPLIED')).not.toContain('residence_card');
    expect(expectedDocuments('PERMIT_GRANTED')).toContain('residence_card');
    expect(expectedDocuments('RETURNED')).toContain('residence_card');
  });

  it('expects nothing of a closed, abandoned or withdrawn dossier', () => {
    expect(expectedDocuments('CLOSED')).toEqual([]);
    expect(expectedDocuments('ABANDONED')).toEqual([]);
    expect(expectedDocuments('WITHDRAWN')).toEqual([]);
  });

  it('gives every state a list of known types without repeats, never "other"', () => {
    for (const state of DOSSIER_STATES) {
      const expected = expectedDocuments(state);
      expect(new Set(expected).size).toBe(expected.length);
      for (const type of expected) expect(DOCUMENT_TYPES).toContain(type);
      expect(expected).not.toContain('other');
    }
  });

  it('returns a copy the caller may change', () => {
    expectedDocuments('DRAFT').push('visa');
    expect(expectedDocuments('DRAFT')).toEqual(['passport']);
  });
});

describe('missingDocuments', () => {
  it('lists what is expected and absent, in the order of the procedure', () => {
    expect(missingDocuments('AWAITING_OFII', ['work_permit'])).toEqual([
      'passport',
      'employment_contract',
    ]);
  });

  it('is empty once every expected paper is present, extra papers ignored', () => {
    expect(
      missingDocuments('AT_GRANTED', [
        'other',
        'work_permit',
        'employment_contract',
        'passport',
        'passport',
      ]),
    ).toEqual([]);
  });

  it('takes any iterable, such as a Set', () => {
    expect(missingDocuments('DRAFT', new Set(['passport'] as const))).toEqual(
      [],
    );
    expect(missingDocuments('DRAFT', new Set())).toEqual(['passport']);
  });
});
