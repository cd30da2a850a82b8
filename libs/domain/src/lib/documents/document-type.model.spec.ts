import {
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_LABELS,
  isDocumentType,
  isValidityDocumentType,
  isWorkerDocumentType,
} from './document-type.model';

describe('document types', () => {
  it('has the fourteen papers of the issue, each with distinct French and English labels', () => {
    expect(DOCUMENT_TYPES).toHaveLength(14);
    const fr = DOCUMENT_TYPES.map((t) => DOCUMENT_TYPE_LABELS[t].fr);
    const en = DOCUMENT_TYPES.map((t) => DOCUMENT_TYPE_LABELS[t].en);
    expect(new Set(fr).size).toBe(14);
    expect(new Set(en).size).toBe(14);
  });

  it('recognises codes only', () => {
    expect(isDocumentType('work_permit')).toBe(true);
    expect(isDocumentType('Work permit')).toBe(false);
    expect(isDocumentType(undefined)).toBe(false);
  });

  it('attaches passports and residence cards to the worker, and tracks four validity ends', () => {
    expect(isWorkerDocumentType('passport')).toBe(true);
    expect(isWorkerDocumentType('residence_card')).toBe(true);
    expect(isWorkerDocumentType('work_permit')).toBe(false);
    expect(DOCUMENT_TYPES.filter(isValidityDocumentType)).toEqual([
      'work_permit',
      'passport',
      'visa',
      'residence_card',
    ]);
  });
});
