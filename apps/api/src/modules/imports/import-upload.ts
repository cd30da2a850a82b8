import fastifyMultipart from '@fastify/multipart';
import { IMPORT_MAX_FILE_BYTES, ImportFormFields } from '@moisson/contract';
import { API_ERROR_CODES } from '@moisson/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiException } from '../../core/http/api-exception';

/** The file and text parts of an import request. */
export interface ImportUpload {
  fileName: string | null;
  buffer: Buffer;
  fields: ImportFormFields;
}

const FIELD_NAMES: ReadonlyArray<keyof ImportFormFields> = [
  'mapping',
  'campaignId',
  'season',
  'skipInvalidRows',
];
/** Text parts are small: a mapping of 16 fields fits in a few kilobytes. */
const MAX_FIELD_BYTES = 64 * 1024;

/**
 * Registers @fastify/multipart on the application's Fastify instance (before it boots). The
 * multipart body is read by the import routes themselves, after the AuthGuard and the tenant
 * check: an anonymous or foreign caller never has their file read.
 */
export async function registerMultipart(
  fastify: FastifyInstance,
): Promise<void> {
  await fastify.register(fastifyMultipart, {
    limits: {
      fileSize: IMPORT_MAX_FILE_BYTES,
      files: 1,
      fields: FIELD_NAMES.length,
      fieldSize: MAX_FIELD_BYTES,
      parts: FIELD_NAMES.length + 1,
    },
  });
}

/**
 * Reads the `file` part (at most IMPORT_MAX_FILE_BYTES) and the known text parts. Answers 415 when
 * the request is not multipart/form-data, 413 when the file or the form is too large, 400 when the
 * file is missing or a part is unknown.
 */
export async function readImportUpload(
  request: FastifyRequest,
): Promise<ImportUpload> {
  if (!request.isMultipart())
    throw new ApiException(
      415,
      API_ERROR_CODES.BAD_REQUEST,
      'Send the spreadsheet as multipart/form-data, with the file in a part named "file".',
    );
  let file: { name: string | null; buffer: Buffer } | null = null;
  const fields: ImportFormFields = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw badRequest(
            `Unknown file part "${part.fieldname}": send the spreadsheet in a part named "file".`,
          );
        }
        file = { name: part.filename || null, buffer: await part.toBuffer() };
      } else {
        const name = part.fieldname as keyof ImportFormFields;
        if (!FIELD_NAMES.includes(name))
          throw badRequest(
            `Unknown form field "${part.fieldname}": the accepted ones are file, ${FIELD_NAMES.join(', ')}.`,
          );
        fields[name] = String(part.value);
      }
    }
  } catch (error) {
    throw translate(error);
  }
  if (!file)
    throw badRequest(
      'No file: send the spreadsheet (.xlsx or CSV) in a part named "file".',
    );
  if (file.buffer.length === 0) throw badRequest('The file is empty.');
  return { fileName: file.name, buffer: file.buffer, fields };
}

function badRequest(message: string): ApiException {
  return new ApiException(400, API_ERROR_CODES.BAD_REQUEST, message);
}

/** @fastify/multipart's errors as the API's error shape. */
function translate(error: unknown): unknown {
  if (error instanceof ApiException) return error;
  const code = (error as { code?: unknown })?.code;
  const megabytes = IMPORT_MAX_FILE_BYTES / (1024 * 1024);
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new ApiException(
        413,
        API_ERROR_CODES.PAYLOAD_TOO_LARGE,
        `The file is larger than ${megabytes} MB: split it into several files.`,
      );
    case 'FST_FILES_LIMIT':
      return badRequest('Send one file per import.');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return badRequest(
        `Too many form fields: the accepted ones are file, ${FIELD_NAMES.join(', ')}.`,
      );
    case 'FST_PROTO_VIOLATION':
    case 'FST_MP_PREMATURE_CLOSE':
      return badRequest('The multipart body could not be read: send it again.');
    default:
      return error;
  }
}
