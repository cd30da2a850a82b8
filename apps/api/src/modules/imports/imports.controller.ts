import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiBodyOptions, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type {
  ImportCommitResponse,
  ImportPreviewResponse,
} from '@moisson/contract';
import type { FastifyRequest } from 'fastify';
import {
  AuthContext,
  ClientMeta,
  CurrentAuth,
  RequestMeta,
} from '../../core/auth/auth-context';
import { AccessibleEmployer } from '../../core/auth/accessible-employer.decorator';
import { RequirePermission } from '../../core/auth/route-access.decorator';
import { readImportUpload } from './import-upload';
import { ImportsService } from './imports.service';
import type { EmployerEntity } from '../employers/entities/employer.entity';

/**
 * Import of hires from an .xlsx or CSV file, in two stateless calls taking the same multipart body (see
 * libs/contract/src/lib/imports.ts). The tenant is checked before the file is read.
 */
/** The multipart body of both routes, for /api/docs. */
const IMPORT_BODY: ApiBodyOptions = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: {
        type: 'string',
        format: 'binary',
        description: 'CSV or .xlsx (first sheet), at most 5 MB',
      },
      mapping: {
        type: 'string',
        description:
          'JSON: import field -> column header; suggested when absent',
      },
      campaignId: { type: 'string', format: 'uuid' },
      season: { type: 'string', example: '2027' },
      skipInvalidRows: { type: 'string', enum: ['true', 'false'] },
    },
  },
};

@ApiTags('imports')
@Controller('employers/:employerId/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /** Every row with its errors, the mapping used and the totals. Nothing is written. */
  @Post('preview')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMPORT_BODY)
  @RequirePermission('employer.read')
  async preview(
    @AccessibleEmployer() employer: EmployerEntity,
    @Req() request: FastifyRequest,
  ): Promise<ImportPreviewResponse> {
    return this.imports.preview(employer, await readImportUpload(request));
  }

  /** Checks again, then creates the workers and their DRAFT dossiers in one transaction. */
  @Post('commit')
  @ApiConsumes('multipart/form-data')
  @ApiBody(IMPORT_BODY)
  @RequirePermission('employer.dossiers.write')
  async commit(
    @CurrentAuth() auth: AuthContext,
    @AccessibleEmployer() employer: EmployerEntity,
    @Req() request: FastifyRequest,
    @ClientMeta() meta: RequestMeta,
  ): Promise<ImportCommitResponse> {
    return this.imports.commit(
      auth,
      meta,
      employer,
      await readImportUpload(request),
    );
  }
}
