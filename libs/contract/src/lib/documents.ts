import type {
  BilingualText,
  DocumentType,
  DossierState,
} from '@moisson/domain';
import type { ApiErrorDetail } from './api-error';

/**
 * Documents of a dossier (work permit, passport, contract, convocation...) or of a worker (passport,
 * residence card). All paths under /api/employers/:employerId; ids are UUIDs; dates 'YYYY-MM-DD',
 * instants ISO 8601. Another employer's dossier, worker or document answers 404.
 *
 * Upload (multipart/form-data; text parts FIRST, the `file` part LAST; see DocumentUploadFields):
 *   POST   .../dossiers/:dossierId/documents        employer.dossiers.write  -> 201 DocumentUploadResponse
 *   POST   .../workers/:workerId/documents          employer.dossiers.write  -> 201 DocumentUploadResponse
 *          (worker level: only WORKER_DOCUMENT_TYPES, i.e. passport and residence_card)
 * Lists (newest first; deleted ones only with includeDeleted=true, firm staff only):
 *   GET    .../dossiers/:dossierId/documents        employer.read  -> DocumentListResponse
 *          (the dossier's documents AND its worker's worker-level documents, `dossierId: null`)
 *   GET    .../dossiers/:dossierId/documents/checklist  employer.read -> DocumentChecklist
 *   GET    .../workers/:workerId/documents          employer.read  -> DocumentListResponse
 *          (every document of the worker: worker level and all their dossiers)
 * One document:
 *   GET    .../documents/:documentId                employer.read  -> DocumentListItem
 *   GET    .../documents/:documentId/download       employer.read  -> the bytes, attachment (audited)
 *   GET    .../documents/:documentId/preview        employer.read  -> the bytes, inline (audited),
 *          for <iframe>/<img>/window.open; Content-Security-Policy "default-src 'none'; ... sandbox"
 *   DELETE .../documents/:documentId                employer.dossiers.write -> DocumentListItem (soft delete, audited)
 *   POST   .../documents/:documentId/restore        firm.documents.restore  -> DocumentListItem (firm staff, audited)
 * Both byte routes answer the DETECTED content type, `X-Content-Type-Options: nosniff`,
 * `Cache-Control: private, no-store` and `Content-Disposition` with an RFC 5987 `filename*`.
 * A deleted document answers 404 on download and preview.
 *
 * Permit prefill: uploading a `work_permit` answers `permitSuggestion`: the reference and dates typed
 * with the upload, to copy into the dossier by sending `permitSuggestion.apply` as it is (nothing is
 * changed on the dossier by the upload itself).
 *
 * Errors: 400 BAD_REQUEST (missing `file` or `type`, bad field or dates such as validUntil before
 * validFrom, bad name, empty file, upload cut off), 413 PAYLOAD_TOO_LARGE (over DOCUMENT_MAX_BYTES,
 * configurable: default 15 MB), 415 UNSUPPORTED_MEDIA_TYPE (not multipart; not PDF, JPEG or PNG by its
 * bytes, or refused content), 422 UNPROCESSABLE (a dossier paper sent to the worker route). The
 * message is in the caller's language; every refusal carries ONE detail
 * `{ field: 'file' | 'type' | 'reference' | 'validFrom' | 'validUntil', rule: DocumentRejectionCode,
 * message }` saying why; nothing is stored (no file, no row) after any refusal or a dropped upload.
 */

export {
  DOCUMENT_TYPES,
  DOCUMENT_TYPE_LABELS,
  WORKER_DOCUMENT_TYPES,
  VALIDITY_DOCUMENT_TYPES,
  isDocumentType,
} from '@moisson/domain';
export type { DocumentType, ValidityDocumentType } from '@moisson/domain';

/** Default largest file (15 MB); the API's DOCUMENT_MAX_BYTES may change it (see DocumentLimits). */
export const DOCUMENT_DEFAULT_MAX_BYTES = 15 * 1024 * 1024;
/** Longest original file name kept for display (characters, after sanitising). */
export const DOCUMENT_NAME_MAX_LENGTH = 200;
/** Longest reference number (permit number, passport number...). */
export const DOCUMENT_REFERENCE_MAX_LENGTH = 64;

/** Content types the API accepts, recognised by the file's bytes (never its name or declared type). */
export const DOCUMENT_CONTENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

/** Accept attribute for <input type="file"> (the API checks the bytes anyway). */
export const DOCUMENT_ACCEPT =
  'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

/** Text parts of an upload, sent BEFORE the `file` part. */
export interface DocumentUploadFields {
  type: DocumentType;
  /** Permit number, passport number, case number... */
  reference?: string;
  validFrom?: string;
  /** On or after validFrom. */
  validUntil?: string;
}

/** A document as lists and single reads show it. */
export interface DocumentListItem {
  id: string;
  employerId: string;
  /** Null for a worker-level document (passport, residence card). */
  dossierId: string | null;
  workerId: string;
  type: DocumentType;
  reference: string | null;
  validFrom: string | null;
  validUntil: string | null;
  /** Bytes. */
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
  /** Detected from the bytes. */
  contentType: DocumentContentType;
  /** The original file name, sanitised, for display and download only (never a storage path). */
  displayName: string;
  uploadedAt: string;
  uploadedBy: { id: string | null; name: string | null };
  deletedAt: string | null;
  deletedBy: { id: string | null; name: string | null } | null;
  /** The same bytes (sha256) already exist, not deleted, on this dossier (or worker): the id of the first. */
  duplicateOf: string | null;
}

export interface DocumentListResponse {
  items: DocumentListItem[];
}

/**
 * What the user may copy into the dossier after uploading a work permit. `apply` is the request to
 * send as it is: the AT_GRANTED transition, when the dossier is in AT_SUBMITTED (a recorded permit
 * is not edited by PATCH); null when nothing can be applied (`reason` says why).
 */
export interface PermitPrefillSuggestion {
  dossierId: string;
  permitNumber: string | null;
  permitGrantedOn: string | null;
  permitValidUntil: string | null;
  /** The dossier's values now. */
  current: {
    permitNumber: string | null;
    permitGrantedOn: string | null;
    permitValidUntil: string | null;
  };
  /** Fields whose suggested value is given and differs from the current one. */
  changes: Array<'permitNumber' | 'permitGrantedOn' | 'permitValidUntil'>;
  apply: {
    method: 'POST';
    /** Absolute API path: /api/employers/:employerId/dossiers/:dossierId/transitions */
    path: string;
    body: {
      to: 'AT_GRANTED';
      data: { permitNumber: string; grantDate: string; validUntil?: string };
    };
  } | null;
  /** Why `apply` is null (no changes, dossier state...). */
  reason: BilingualText | null;
}

/** 201 answer of an upload. */
export interface DocumentUploadResponse {
  document: DocumentListItem;
  /** Only for a work permit uploaded to a dossier. */
  permitSuggestion: PermitPrefillSuggestion | null;
}

/** One expected paper of a dossier's checklist. */
export interface DocumentChecklistItem {
  type: DocumentType;
  label: BilingualText;
  present: boolean;
  /** Not deleted documents of this type (dossier and worker level). */
  documentIds: string[];
}

/**
 * GET .../dossiers/:dossierId/documents/checklist: the papers usually expected once a dossier has
 * reached its state (domain.md section 7, `expectedDocuments` in @moisson/domain), which ones are
 * present and which are still missing. A guide, not a legal requirement.
 */
export interface DocumentChecklist {
  dossierId: string;
  state: DossierState;
  items: DocumentChecklistItem[];
  expected: DocumentType[];
  present: DocumentType[];
  missing: DocumentType[];
}

/** Why an upload was refused: the `rule` of its error detail. */
export const DOCUMENT_REJECTION_CODES = [
  /** No `file` part. */
  'DOCUMENT_FILE_MISSING',
  /** Zero bytes. */
  'DOCUMENT_EMPTY',
  /** Over the limit (413). */
  'DOCUMENT_TOO_LARGE',
  /** The upload stopped before the end of the file. */
  'DOCUMENT_INCOMPLETE',
  /** Neither PDF, JPEG nor PNG by its bytes. */
  'DOCUMENT_FORMAT_UNSUPPORTED',
  /** A program (Windows MZ, ELF, Mach-O, #! script), whatever its name. */
  'DOCUMENT_EXECUTABLE',
  /** HTML or script markup. */
  'DOCUMENT_HTML',
  /** An SVG image (it can carry scripts). */
  'DOCUMENT_SVG',
  /** A file that is also another format (PDF with a ZIP archive or HTML inside...). */
  'DOCUMENT_POLYGLOT',
  /** A PDF without its end (%%EOF, startxref). */
  'DOCUMENT_PDF_TRUNCATED',
  /** A password-protected (encrypted) PDF. */
  'DOCUMENT_PDF_ENCRYPTED',
  /** A PDF whose structure cannot be read. */
  'DOCUMENT_PDF_MALFORMED',
  /** A PNG whose IHDR header is missing or wrong. */
  'DOCUMENT_PNG_MALFORMED',
  /** A JPEG without a valid frame header. */
  'DOCUMENT_JPEG_MALFORMED',
  /** The declared content type or the name's extension says another format than the bytes. */
  'DOCUMENT_DECLARED_TYPE_MISMATCH',
  /** File name longer than DOCUMENT_NAME_MAX_LENGTH. */
  'DOCUMENT_NAME_TOO_LONG',
  /** File name with a path (/, \, ..), control characters, or nothing readable. */
  'DOCUMENT_NAME_INVALID',
  /** Missing or unknown `type`. */
  'DOCUMENT_TYPE_INVALID',
  /** A dossier paper sent to the worker route (only passport and residence_card go there). */
  'DOCUMENT_TYPE_NOT_FOR_WORKER',
  /** Bad reference or dates (validUntil before validFrom, impossible date). */
  'DOCUMENT_FIELD_INVALID',
  /** Unknown form part. */
  'DOCUMENT_FIELD_UNKNOWN',
] as const;
export type DocumentRejectionCode = (typeof DOCUMENT_REJECTION_CODES)[number];

/** The detail of a refused upload (one per refusal). */
export interface DocumentRejectionDetail extends ApiErrorDetail {
  field: 'file' | 'type' | 'reference' | 'validFrom' | 'validUntil';
  rule: DocumentRejectionCode;
}
