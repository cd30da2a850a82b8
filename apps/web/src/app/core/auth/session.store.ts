import { Injectable, computed, inject, signal } from '@angular/core';
import {
  Permission,
  ROLE_PERMISSIONS,
  SessionResponse,
  SessionStatus,
  SessionUser,
  isFirmRole,
} from '@moisson/contract';
import {
  Observable,
  catchError,
  finalize,
  map,
  of,
  shareReplay,
  tap,
} from 'rxjs';
import { AuthService } from './auth.service';

/** What the portal knows of the caller: not asked yet, nobody, or a session at one of its steps. */
export type SessionState =
  | { kind: 'unknown' }
  | { kind: 'anonymous' }
  | { kind: 'active'; session: SessionResponse };

/** `unknown` until `GET /api/auth/session` has answered. */
export type SessionPhase = 'unknown' | 'anonymous' | SessionStatus;

/**
 * The signed-in user and the step their session is at, for the shell, the guards and every page.
 * Loaded once at start-up (`GET /api/auth/session`, which also sets the XSRF cookie), then kept up to
 * date by the pages that sign in, out or change the account.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly auth = inject(AuthService);

  private readonly state = signal<SessionState>({ kind: 'unknown' });
  private inFlight: Observable<SessionState> | null = null;
  private readonly welcomeState = signal(false);

  readonly session = computed(() => {
    const state = this.state();
    return state.kind === 'active' ? state.session : null;
  });
  readonly user = computed<SessionUser | null>(
    () => this.session()?.user ?? null,
  );
  readonly phase = computed<SessionPhase>(() => {
    const state = this.state();
    return state.kind === 'active' ? state.session.status : state.kind;
  });
  /** Signed in with every step done: the pages of the user's role are open. */
  readonly signedIn = computed(() => this.phase() === 'signed_in');
  readonly permissions = computed<readonly Permission[]>(() => {
    const user = this.user();
    return user && this.signedIn() ? ROLE_PERMISSIONS[user.role] : [];
  });
  readonly isFirm = computed(() => {
    const user = this.user();
    return user !== null && isFirmRole(user.role);
  });
  /** True right after signing in or accepting an invitation, until the greeting is dismissed. */
  readonly welcome = this.welcomeState.asReadonly();

  can(permission: Permission): boolean {
    return this.permissions().includes(permission);
  }

  /** The session, asked once (the request in flight is shared by every caller). */
  ensureLoaded(): Observable<SessionState> {
    const state = this.state();
    return state.kind === 'unknown' ? this.refresh() : of(state);
  }

  /** Asks the API again (after enrolment, or when it says a step is missing). */
  refresh(): Observable<SessionState> {
    if (!this.inFlight) {
      this.inFlight = this.auth.getSession().pipe(
        map((session): SessionState => ({ kind: 'active', session })),
        // 401: nobody is signed in. Anything else (API down): treat as signed out; the sign-in page
        // will say what is wrong when they try.
        catchError(() => of<SessionState>({ kind: 'anonymous' })),
        tap((state) => this.state.set(state)),
        finalize(() => (this.inFlight = null)),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
    }
    return this.inFlight;
  }

  /** Keeps the session an API call answered with (sign-in, TOTP step, invitation accepted). */
  set(session: SessionResponse): void {
    this.state.set({ kind: 'active', session });
  }

  updateUser(user: SessionUser): void {
    const session = this.session();
    if (session) {
      this.set({ ...session, user });
    }
  }

  clear(): void {
    this.welcomeState.set(false);
    this.state.set({ kind: 'anonymous' });
  }

  greet(): void {
    this.welcomeState.set(true);
  }

  dismissWelcome(): void {
    this.welcomeState.set(false);
  }
}
