import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AcceptInvitationRequest,
  InvitationPreview,
  LoginRequest,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
  SessionResponse,
  TotpLoginRequest,
} from '@moisson/contract';
import { Observable, map } from 'rxjs';
import { SKIP_AUTH_REDIRECT } from './skip-auth-redirect';

export const AUTH_URL = '/api/auth';
export const SESSION_URL = `${AUTH_URL}/session`;
export const LOGIN_URL = `${AUTH_URL}/login`;
export const LOGIN_TOTP_URL = `${AUTH_URL}/login/totp`;
export const LOGOUT_URL = `${AUTH_URL}/logout`;
export const PASSWORD_RESET_URL = `${AUTH_URL}/password-reset`;
export const PASSWORD_RESET_CONFIRM_URL = `${AUTH_URL}/password-reset/confirm`;
export const INVITATIONS_URL = `${AUTH_URL}/invitations`;

/** HTTP calls of signing in and out, password resets and invitations (`/api/auth`). */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  /** A 401 here means "wrong credentials" or "not signed in", never "send to the sign-in page". */
  private readonly context = new HttpContext().set(SKIP_AUTH_REDIRECT, true);

  /** The caller's session; fails with a 401 when nobody is signed in. Also sets the XSRF cookie. */
  getSession(): Observable<SessionResponse> {
    return this.http.get<SessionResponse>(SESSION_URL, {
      context: this.context,
    });
  }

  login(request: LoginRequest): Observable<SessionResponse> {
    return this.http.post<SessionResponse>(LOGIN_URL, request, {
      context: this.context,
    });
  }

  /** The second step: a 6-digit code or a recovery code. */
  loginWithTotp(request: TotpLoginRequest): Observable<SessionResponse> {
    return this.http.post<SessionResponse>(LOGIN_TOTP_URL, request, {
      context: this.context,
    });
  }

  logout(): Observable<void> {
    return this.http
      .post(LOGOUT_URL, null, { context: this.context })
      .pipe(map(() => undefined));
  }

  /** Always answers 202, whether or not an account exists for the address. */
  requestPasswordReset(request: PasswordResetRequest): Observable<void> {
    return this.http
      .post(PASSWORD_RESET_URL, request, { context: this.context })
      .pipe(map(() => undefined));
  }

  confirmPasswordReset(request: PasswordResetConfirmRequest): Observable<void> {
    return this.http
      .post(PASSWORD_RESET_CONFIRM_URL, request, { context: this.context })
      .pipe(map(() => undefined));
  }

  /** Who invites to what; a 404 when the invitation is unknown, used or expired. */
  getInvitation(token: string): Observable<InvitationPreview> {
    return this.http.get<InvitationPreview>(invitationUrl(token), {
      context: this.context,
    });
  }

  acceptInvitation(
    token: string,
    request: AcceptInvitationRequest,
  ): Observable<SessionResponse> {
    return this.http.post<SessionResponse>(
      `${invitationUrl(token)}/accept`,
      request,
      { context: this.context },
    );
  }
}

export function invitationUrl(token: string): string {
  return `${INVITATIONS_URL}/${encodeURIComponent(token)}`;
}
