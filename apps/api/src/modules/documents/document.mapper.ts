import type { DocumentListItem } from '@moisson/contract';
import type { DocumentEntity } from './entities/document.entity';

export function toDocumentListItem(d: DocumentEntity): DocumentListItem {
  return {
    id: d.id,
    employerId: d.employerId,
    dossierId: d.dossierId,
    workerId: d.workerId,
    type: d.type,
    reference: d.reference,
    validFrom: d.validFrom,
    validUntil: d.validUntil,
    size: d.size,
    sha256: d.sha256,
    contentType: d.contentType,
    displayName: d.displayName,
    uploadedAt: d.uploadedAt.toISOString(),
    uploadedBy: { id: d.uploadedBy, name: d.uploadedByName },
    deletedAt: d.deletedAt ? d.deletedAt.toISOString() : null,
    deletedBy: d.deletedAt ? { id: d.deletedBy, name: d.deletedByName } : null,
    duplicateOf: d.duplicateOf,
  };
}
