import {
  ArgumentMetadata,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  PipeTransform,
} from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { EmployerEntity } from '../../modules/employers/entities/employer.entity';
import { IdPipe } from '../http/id.pipe';
import { AccessService } from './access.service';
import { authOf, type AuthContext } from './auth-context';

/**
 * The tenant of an /employers/:employerId/... route, resolved in one place: the path's employer id
 * is checked as IdPipe checks any path id (malformed: the same 404), then AccessService decides
 * whether the caller may reach that employer (someone else's: 404).
 */

/** The path parameter that names the employer: `:employerId`, or `:id` under /employers. */
type EmployerParam = 'employerId' | 'id';

/** The request itself, handed to the pipes below with the path parameter's name as `data`. */
const TenantRequest = createParamDecorator(
  (_: EmployerParam, ctx: ExecutionContext): FastifyRequest =>
    ctx.switchToHttp().getRequest<FastifyRequest>(),
);

async function tenantOf(
  request: FastifyRequest,
  metadata: ArgumentMetadata,
): Promise<{ auth: AuthContext; employerId: string }> {
  const data = (metadata.data as EmployerParam | undefined) ?? 'employerId';
  const params = request.params as Record<string, string>;
  const employerId: string = await IdPipe.transform(params[data], {
    type: 'param',
    data,
  });
  const auth = authOf(request);
  if (!auth)
    throw new Error(
      'AccessibleEmployer used on a route without a signed-in user',
    );
  // Nest runs a handler's parameter pipes concurrently: let the others (body, query, the other
  // path ids) settle first so their errors still win, as when the check sat in the handler.
  await new Promise<void>((resolve) => setImmediate(resolve));
  return { auth, employerId };
}

@Injectable()
export class AccessibleEmployerPipe
  implements PipeTransform<FastifyRequest, Promise<EmployerEntity>>
{
  constructor(private readonly access: AccessService) {}

  async transform(
    request: FastifyRequest,
    metadata: ArgumentMetadata,
  ): Promise<EmployerEntity> {
    const { auth, employerId } = await tenantOf(request, metadata);
    return this.access.requireEmployer(auth, employerId);
  }
}

@Injectable()
export class AccessibleEmployerIdPipe
  implements PipeTransform<FastifyRequest, Promise<string>>
{
  constructor(private readonly access: AccessService) {}

  async transform(
    request: FastifyRequest,
    metadata: ArgumentMetadata,
  ): Promise<string> {
    const { auth, employerId } = await tenantOf(request, metadata);
    return this.access.requireEmployerId(auth, employerId);
  }
}

/** The path parameter is no longer declared by @Param: document it for Swagger here. */
function tenantParam(
  param: EmployerParam,
  pipe: typeof AccessibleEmployerPipe | typeof AccessibleEmployerIdPipe,
): ParameterDecorator {
  return (target, key, index) => {
    TenantRequest(param, pipe)(target, key, index);
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor)
      ApiParam({ name: param, type: String })(target, key, descriptor);
  };
}

/** The employer of the path, once the caller may reach it (AccessService.requireEmployer). */
export const AccessibleEmployer = (
  param: EmployerParam = 'employerId',
): ParameterDecorator => tenantParam(param, AccessibleEmployerPipe);

/**
 * The employer id of the path, once the caller may reach it (AccessService.requireEmployerId: no
 * query for an employer's own users).
 */
export const AccessibleEmployerId = (
  param: EmployerParam = 'employerId',
): ParameterDecorator => tenantParam(param, AccessibleEmployerIdPipe);
