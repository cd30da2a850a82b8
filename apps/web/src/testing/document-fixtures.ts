import {
  DocumentChecklist,
  DocumentListItem,
  DocumentUploadResponse,
  PermitPrefillSuggestion,
} from '@moisson/contract';
import { DOCUMENT_TYPE_LABELS } from '@moisson/domain';

export function documentItem(
  id: string,
  overrides: Partial<DocumentListItem> = {},
): DocumentListItem {
  return {
    id,
    employerId: 'e-1',
    dossierId: 'd-1',
    workerId: 'w-1',
    type: 'work_permit',
    reference: 'AT-47-0013',
    validFrom: '2026-09-01',
    validUntil: '2027-09-01',
    size: 48_213,
    sha256: 'a'.repeat(64),
    contentType: 'application/pdf',
    displayName: 'autorisation.pdf',
    uploadedAt: '2026-09-02T08:30:00Z',
    uploadedBy: { id: 'u-owner', name: 'Marie Dupont' },
    deletedAt: null,
    deletedBy: null,
    duplicateOf: null,
    ...overrides,
  };
}

export function uploadAnswer(
  document: DocumentListItem,
  permitSuggestion: PermitPrefillSuggestion | null = null,
): DocumentUploadResponse {
  return { document, permitSuggestion };
}

export function permitSuggestion(
  overrides: Partial<PermitPrefillSuggestion> = {},
): PermitPrefillSuggestion {
  return {
    dossierId: 'd-1',
    permitNumber: 'AT-47-0013',
    permitGrantedOn: '2026-09-01',
    permitValidUntil: '2027-09-01',
    current: {
      permitNumber: null,
      permitGrantedOn: null,
      permitValidUntil: null,
    },
    changes: ['permitNumber', 'permitGrantedOn', 'permitValidUntil'],
    apply: {
      method: 'POST',
      path: '/api/employers/e-1/dossiers/d-1/transitions',
      body: {
        to: 'AT_GRANTED',
        data: {
          permitNumber: 'AT-47-0013',
          grantDate: '2026-09-01',
          validUntil: '2027-09-01',
        },
      },
    },
    reason: null,
    ...overrides,
  };
}

/** A checklist with `present` ticked among `expected`. */
export function checklistOf(
  expected: DocumentChecklist['expected'],
  present: DocumentChecklist['present'],
): DocumentChecklist {
  return {
    dossierId: 'd-1',
    state: 'AT_GRANTED',
    items: expected.map((type) => ({
      type,
      label: DOCUMENT_TYPE_LABELS[type],
      present: present.includes(type),
      documentIds: present.includes(type) ? [`doc-${type}`] : [],
    })),
    expected,
    present,
    missing: expected.filter((type) => !present.includes(type)),
  };
}
