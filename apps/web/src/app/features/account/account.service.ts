import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ChangePasswordRequest,
  RecoveryCodesResponse,
  SessionUser,
  TotpDisableRequest,
  TotpEnableRequest,
  TotpSetupResponse,
  UpdateAccountRequest,
} from '@moisson/contract';
import { Observable, map } from 'rxjs';
import { SKIP_AUTH_REDIRECT } from '../../core/auth/skip-auth-redirect';

export const ACCOUNT_URL = '/api/account';
export const ACCOUNT_PASSWORD_URL = `${ACCOUNT_URL}/password`;
export const TOTP_SETUP_URL = `${ACCOUNT_URL}/totp/setup`;
export const TOTP_ENABLE_URL = `${ACCOUNT_URL}/totp/enable`;
export const TOTP_DISABLE_URL = `${ACCOUNT_URL}/totp/disable`;
export const RECOVERY_CODES_URL = `${ACCOUNT_URL}/totp/recovery-codes`;

/** HTTP calls of the signed-in user's own account (`/api/account`). */
@Injectable({ providedIn: 'root' })
export class AccountService {
  private readonly http = inject(HttpClient);
  /** These check the current password: a refusal there is a wrong password, not a lost session. */
  private readonly checksPassword = new HttpContext().set(
    SKIP_AUTH_REDIRECT,
    true,
  );

  update(request: UpdateAccountRequest): Observable<SessionUser> {
    return this.http.patch<SessionUser>(ACCOUNT_URL, request);
  }

  /** Ends every other session of the user. */
  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http
      .post(ACCOUNT_PASSWORD_URL, request, { context: this.checksPassword })
      .pipe(map(() => undefined));
  }

  /** A new secret to scan; two-factor is on only once a code from it is confirmed. */
  setUpTotp(): Observable<TotpSetupResponse> {
    return this.http.post<TotpSetupResponse>(TOTP_SETUP_URL, null);
  }

  enableTotp(request: TotpEnableRequest): Observable<RecoveryCodesResponse> {
    return this.http.post<RecoveryCodesResponse>(TOTP_ENABLE_URL, request);
  }

  /** Employer users only: firm staff must keep two-factor. */
  disableTotp(request: TotpDisableRequest): Observable<void> {
    return this.http
      .post(TOTP_DISABLE_URL, request, { context: this.checksPassword })
      .pipe(map(() => undefined));
  }

  /** A new set of recovery codes; the previous ones stop working. */
  regenerateRecoveryCodes(): Observable<RecoveryCodesResponse> {
    return this.http.post<RecoveryCodesResponse>(RECOVERY_CODES_URL, null);
  }
}
