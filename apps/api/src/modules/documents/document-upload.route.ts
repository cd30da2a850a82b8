import { applyDecorators, Post } from '@nestjs/common';
import { ApiBody, ApiBodyOptions, ApiConsumes } from '@nestjs/swagger';
import { DOCUMENT_TYPES } from '@moisson/contract';
import { RequirePermission } from '../../core/auth/route-access.decorator';

/** The multipart body of an upload, for /api/docs: the text parts first, the file last. */
export const DOCUMENT_UPLOAD_BODY: ApiBodyOptions = {
  schema: {
    type: 'object',
    required: ['type', 'file'],
    properties: {
      type: { type: 'string', enum: [...DOCUMENT_TYPES] },
      reference: { type: 'string', maxLength: 64 },
      validFrom: { type: 'string', format: 'date' },
      validUntil: { type: 'string', format: 'date' },
      file: {
        type: 'string',
        format: 'binary',
        description:
          'PDF, JPEG or PNG, recognised by its bytes; DOCUMENT_MAX_BYTES at most (15 MB by default); sent last',
      },
    },
  },
};

/** The upload route of a dossier's or a worker's documents: POST, multipart, employer.dossiers.write. */
export const DocumentUploadRoute = () =>
  applyDecorators(
    Post(),
    ApiConsumes('multipart/form-data'),
    ApiBody(DOCUMENT_UPLOAD_BODY),
    RequirePermission('employer.dossiers.write'),
  );
