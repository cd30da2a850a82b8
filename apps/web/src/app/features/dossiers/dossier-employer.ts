import { SessionStore } from '../../core/auth/session.store';

/**
 * Where an employer's dossier pages live: `/dossiers` for its own users, and
 * `/firm/employers/:id/dossiers` for firm staff (the route's `:id`).
 */
export function dossiersBasePath(routeEmployerId: string | undefined): string {
  return routeEmployerId
    ? `/firm/employers/${routeEmployerId}/dossiers`
    : '/dossiers';
}

/** The employer whose dossiers the page shows: the route's, else the signed-in user's own. */
export function dossierEmployerId(
  routeEmployerId: string | undefined,
  session: SessionStore,
): string | null {
  return routeEmployerId ?? session.user()?.employerId ?? null;
}
