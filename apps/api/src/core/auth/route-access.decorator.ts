import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@moisson/contract';

export const ROUTE_ACCESS = 'moisson:route-access';

/**
 * What a route requires. Every route declares one: the global AuthGuard refuses a route without it,
 * and the route-permission snapshot test lists them all.
 */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'permission'; permission: Permission; allowPendingTotp: boolean };

/** Open to anyone, signed in or not (a session, if any, is still read). */
export const Public = () =>
  SetMetadata(ROUTE_ACCESS, { kind: 'public' } satisfies RouteAccess);

/**
 * Requires a signed-in user whose role grants `permission`.
 * `allowPendingTotp`: also open while the two-factor step or enrolment is still due (session, enrolment, logout).
 */
export const RequirePermission = (
  permission: Permission,
  options: { allowPendingTotp?: boolean } = {},
) =>
  SetMetadata(ROUTE_ACCESS, {
    kind: 'permission',
    permission,
    allowPendingTotp: options.allowPendingTotp ?? false,
  } satisfies RouteAccess);
