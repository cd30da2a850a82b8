import type { AuthContext } from '../../core/auth/auth-context';
import type { DossierActor } from './dossier-timeline.writer';

/** The signed-in user as the author of timeline events (the name is kept as it is today). */
export function actorOf(auth: AuthContext): DossierActor {
  return { id: auth.user.id, name: auth.user.fullName };
}
