import {
  CallHandler,
  ExecutionContext,
  Injectable,
  Logger,
  NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isFirmRole, Permission } from '@moisson/contract';
import type { FastifyRequest } from 'fastify';
import { mergeMap, Observable } from 'rxjs';
import { authOf } from '../../core/auth/auth-context';
import {
  ROUTE_ACCESS,
  RouteAccess,
} from '../../core/auth/route-access.decorator';
import { AuditService } from './audit.service';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** POST routes that only read (the import preview). */
const READ_PERMISSIONS: readonly Permission[] = [
  'employer.read',
  'authenticated',
];
const EMPLOYER_ROUTE = /^\/api\/employers\/:(employerId|id)(\/|$)/;

/**
 * "Acting for an employer": every successful write a firm staff member makes on an employer's
 * routes (/api/employers/:employerId/..., /api/employers/:id/...) adds one audit event
 * `firm.acted_for_employer` with the staff member as actor, the employer, the route and the object
 * it touched, written before the answer leaves. In one place, so a route added later is covered
 * by itself; routes that also write their own, more specific event (documents, notes, imports,
 * users) keep it.
 */
@Injectable()
export class ActingForEmployerInterceptor implements NestInterceptor {
  private readonly logger = new Logger(ActingForEmployerInterceptor.name);

  constructor(
    private readonly audit: AuditService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const auth = authOf(request);
    const route = request.routeOptions?.url ?? '';
    const access = this.reflector.get<RouteAccess | undefined>(
      ROUTE_ACCESS,
      context.getHandler(),
    );
    const params = (request.params ?? {}) as Record<string, string>;
    const employerId = params['employerId'] ?? params['id'];
    if (
      !auth ||
      !isFirmRole(auth.user.role) ||
      !WRITES.has(request.method) ||
      !EMPLOYER_ROUTE.test(route) ||
      !employerId ||
      access?.kind !== 'permission' ||
      READ_PERMISSIONS.includes(access.permission)
    )
      return next.handle();
    return next.handle().pipe(
      mergeMap(async (value: unknown) => {
        const target = targetOf(route, params, value);
        await this.audit
          .record({
            action: 'firm.acted_for_employer',
            actor: auth.user,
            employerId,
            targetType: target.type,
            targetId: target.id,
            ip: request.ip ?? null,
            details: {
              route: `${request.method} ${route}`,
              actorName: auth.user.fullName,
              params: Object.fromEntries(
                Object.entries(params).filter(
                  ([k]) => k !== 'employerId' && k !== 'id',
                ),
              ),
            },
          })
          .catch((error: unknown) =>
            this.logger.error(
              `Could not write the audit event of ${request.method} ${route}: ${String(error)}`,
            ),
          );
        return value;
      }),
    );
  }
}

/**
 * The object touched: the last id of the path when the route ends with it (PATCH, DELETE);
 * else what the call answered with (a creation: a new worker, a re-hire's new dossier) typed by
 * the last id's name or the collection; else the last id of the path (a transition of a dossier).
 */
function targetOf(
  route: string,
  params: Record<string, string>,
  value: unknown,
): { type: string; id: string } {
  const names = [...route.matchAll(/:(\w+)/g)]
    .map((m) => m[1])
    .filter((name) => name !== 'employerId' && name !== 'id');
  const last = names[names.length - 1];
  const answered =
    value && typeof value === 'object' && 'id' in value
      ? String((value as { id: unknown }).id)
      : null;
  const segments = route.split('/').filter((s) => s && !s.startsWith(':'));
  const collection = singular(segments[segments.length - 1] ?? 'employer');
  if (last && route.endsWith(`:${last}`))
    return { type: last.replace(/Id$/, ''), id: params[last] };
  if (answered)
    return { type: last ? last.replace(/Id$/, '') : collection, id: answered };
  if (last) return { type: last.replace(/Id$/, ''), id: params[last] };
  return { type: 'employer', id: params['employerId'] ?? params['id'] };
}

function singular(word: string): string {
  return word.endsWith('s') ? word.slice(0, -1) : word;
}
