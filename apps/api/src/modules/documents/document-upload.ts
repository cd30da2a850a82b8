import type { Multipart } from '@fastify/multipart';
import { API_ERROR_CODES, ApiErrorCode } from '@moisson/contract';
import type { FastifyRequest } from 'fastify';
import { Transform, TransformCallback } from 'node:stream';
import { ApiException } from '../../core/http/api-exception';
import type {
  DocumentStorage,
  StoredObject,
} from '../../core/storage/document-storage';
import {
  checkDeclaredType,
  sanitiseDisplayName,
} from './content-check/document-name';
import {
  DocumentRejection,
  REJECTION_STATUS,
  rejections,
} from './content-check/document-rejection';
import { DocumentScanner, ScanResult } from './content-check/document-scanner';
import {
  DOCUMENT_FIELD_NAMES,
  DocumentFields,
  DocumentTarget,
  parseDocumentFields,
  RawDocumentFields,
} from './document-fields';

/** A file that passed every check and is stored whole. */
export interface ReceivedDocument {
  fields: DocumentFields;
  stored: StoredObject;
  scan: ScanResult;
  /** Sanitised, or null when the device sent no name. */
  name: string | null;
}

const STATUS_CODE: Readonly<Record<number, ApiErrorCode>> = {
  400: API_ERROR_CODES.BAD_REQUEST,
  413: API_ERROR_CODES.PAYLOAD_TOO_LARGE,
  415: API_ERROR_CODES.UNSUPPORTED_MEDIA_TYPE,
  422: API_ERROR_CODES.UNPROCESSABLE,
};

/** A refusal as the API's error shape: the reason as message and as the one detail (with its rule). */
export function toApiException(rejection: DocumentRejection): ApiException {
  const status = REJECTION_STATUS[rejection.code];
  return new ApiException(status, STATUS_CODE[status], rejection.text, [
    { field: rejection.field, rule: rejection.code, message: rejection.text },
  ]);
}

function fieldRejection(fr: string, en: string): DocumentRejection {
  return new DocumentRejection('DOCUMENT_FIELD_UNKNOWN', { fr, en }, 'file');
}

/** @fastify/multipart's own errors, as refusals. */
function translate(error: unknown): unknown {
  if (error instanceof DocumentRejection || error instanceof ApiException)
    return error;
  switch ((error as { code?: unknown })?.code) {
    case 'FST_FILES_LIMIT':
      return fieldRejection(
        'Envoyez un seul fichier par envoi.',
        'Send one file per upload.',
      );
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return fieldRejection(
        `Trop de parties dans le formulaire : seules file, ${DOCUMENT_FIELD_NAMES.join(', ')} sont acceptées.`,
        `Too many form parts: only file, ${DOCUMENT_FIELD_NAMES.join(', ')} are accepted.`,
      );
    case 'FST_PROTO_VIOLATION':
    case 'FST_MP_PREMATURE_CLOSE':
      return rejections.incomplete();
    default:
      return error;
  }
}

/** Feeds each chunk to the scanner on its way to storage; the scanner's refusal fails the stream. */
class CheckingStream extends Transform {
  result: ScanResult | null = null;

  constructor(
    private readonly scanner: DocumentScanner,
    private readonly onEnd: (result: ScanResult) => void,
  ) {
    super();
  }

  override _transform(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: TransformCallback,
  ): void {
    try {
      this.scanner.feed(chunk);
      callback(null, chunk);
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.result = this.scanner.finish();
      this.onEnd(this.result);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }
}

/**
 * Reads an upload (multipart/form-data: the text parts, then ONE `file` part) after the caller's
 * tenant check. The text parts are checked before the file is read; the file streams through the
 * content checks (first bytes, every chunk, then the end) into the storage, which keeps it only if
 * the stream ends cleanly. Any refusal, a dropped connection or a part after the file leaves
 * nothing stored and throws the ApiException saying why.
 */
export async function receiveDocument(
  request: FastifyRequest,
  storage: DocumentStorage,
  maxBytes: number,
  target: DocumentTarget,
): Promise<ReceivedDocument> {
  if (!request.isMultipart())
    throw new ApiException(415, API_ERROR_CODES.UNSUPPORTED_MEDIA_TYPE, {
      fr: 'Envoyez le document en multipart/form-data : les champs type, reference, validFrom, validUntil puis le fichier dans une partie « file ».',
      en: 'Send the document as multipart/form-data: the fields type, reference, validFrom, validUntil, then the file in a part named "file".',
    });
  const raw: RawDocumentFields = {};
  let received: ReceivedDocument | null = null;
  try {
    // throwFileSizeLimit is read per call by @fastify/multipart but missing from its types.
    const parts = request.parts({
      preservePath: true,
      throwFileSizeLimit: false,
      limits: {
        // One byte more than allowed reaches the scanner, which refuses it with its own message.
        fileSize: maxBytes + 1,
        files: 1,
        fields: DOCUMENT_FIELD_NAMES.length,
        fieldSize: 1024,
        parts: DOCUMENT_FIELD_NAMES.length + 1,
      },
    } as Parameters<FastifyRequest['parts']>[0]);
    for await (const part of parts) {
      if (received)
        throw fieldRejection(
          'Le fichier doit être la dernière partie du formulaire.',
          'The file must be the last part of the form.',
        );
      if (part.type === 'file') {
        received = await receiveFile(part, raw, storage, maxBytes, target);
      } else {
        const name = part.fieldname as (typeof DOCUMENT_FIELD_NAMES)[number];
        if (!DOCUMENT_FIELD_NAMES.includes(name))
          throw fieldRejection(
            `Partie de formulaire inconnue « ${part.fieldname} » : seules file, ${DOCUMENT_FIELD_NAMES.join(', ')} sont acceptées.`,
            `Unknown form part "${part.fieldname}": only file, ${DOCUMENT_FIELD_NAMES.join(', ')} are accepted.`,
          );
        raw[name] = String(part.value);
      }
    }
    if (!received) throw rejections.missing();
    return received;
  } catch (error) {
    if (received)
      await storage.delete(received.stored.key).catch(() => undefined);
    const translated = translate(error);
    throw translated instanceof DocumentRejection
      ? toApiException(translated)
      : translated;
  }
}

async function receiveFile(
  part: Extract<Multipart, { type: 'file' }>,
  raw: RawDocumentFields,
  storage: DocumentStorage,
  maxBytes: number,
  target: DocumentTarget,
): Promise<ReceivedDocument> {
  try {
    if (part.fieldname !== 'file')
      throw fieldRejection(
        `Partie de fichier inconnue « ${part.fieldname} » : envoyez le document dans une partie « file ».`,
        `Unknown file part "${part.fieldname}": send the document in a part named "file".`,
      );
    const fields = parseDocumentFields(raw, target);
    const name = sanitiseDisplayName(part.filename);
    const checking = new CheckingStream(new DocumentScanner(maxBytes), (r) =>
      checkDeclaredType(name, part.mimetype, r.format),
    );
    // Its errors reach the caller through storage.put's rejection; this keeps a late second
    // 'error' (after the pipeline let go of the stream) from crashing the process.
    checking.on('error', () => undefined);
    let cut = false;
    part.file.on('error', (error) => {
      cut = true;
      checking.destroy(error);
    });
    part.file.pipe(checking);
    try {
      const stored = await storage.put(checking);
      return { fields, stored, scan: checking.result as ScanResult, name };
    } catch (error) {
      if (cut && !(error instanceof DocumentRejection))
        throw rejections.incomplete();
      throw error;
    }
  } catch (error) {
    part.file.resume();
    throw error;
  }
}
