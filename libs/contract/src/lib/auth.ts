import { UserRole } from './roles';

export type Locale = 'fr' | 'en';

export interface SessionUser {
  id: string;
  email: string;
  fullName: string;
  role: UserRole;
  /** The employer (tenant) of an employer user; null for firm staff. */
  employerId: string | null;
  employerName: string | null;
  locale: Locale;
  totpEnabled: boolean;
}

/**
 * The state of the caller's session.
 * - `signed_in`: every route their role allows is open;
 * - `totp_required`: password accepted, the 6-digit code (or a recovery code) is awaited;
 * - `totp_enrolment_required`: firm staff must set up two-factor before anything else.
 */
export type SessionStatus =
  | 'signed_in'
  | 'totp_required'
  | 'totp_enrolment_required';

export interface SessionResponse {
  status: SessionStatus;
  user: SessionUser;
  /** ISO instants: the session ends at the earlier of the two. */
  idleExpiresAt: string;
  absoluteExpiresAt: string;
}

/** POST /api/auth/login */
export interface LoginRequest {
  email: string;
  password: string;
}

/** POST /api/auth/login/totp: a 6-digit code, or one of the single-use recovery codes. */
export interface TotpLoginRequest {
  code: string;
}

/** POST /api/account/totp/setup */
export interface TotpSetupResponse {
  secret: string;
  otpauthUrl: string;
  /** PNG data URL of the QR code to scan with an authenticator app. */
  qrDataUrl: string;
}

/** POST /api/account/totp/enable */
export interface TotpEnableRequest {
  code: string;
}

/** Shown once: each code signs in once instead of a TOTP code. */
export interface RecoveryCodesResponse {
  recoveryCodes: string[];
}

/** POST /api/account/totp/disable (employer users only; firm staff must keep two-factor). */
export interface TotpDisableRequest {
  password: string;
}

/** POST /api/account/password: ends every other session of the user. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** PATCH /api/account */
export interface UpdateAccountRequest {
  fullName?: string;
  locale?: Locale;
}

/** POST /api/auth/password-reset: always answers 202, whether or not the address is known. */
export interface PasswordResetRequest {
  email: string;
}

/** POST /api/auth/password-reset/confirm */
export interface PasswordResetConfirmRequest {
  token: string;
  newPassword: string;
}

/** GET /api/auth/invitations/:token */
export interface InvitationPreview {
  email: string;
  role: UserRole;
  organisationName: string;
  expiresAt: string;
}

/** POST /api/auth/invitations/:token/accept: creates the account and signs it in. */
export interface AcceptInvitationRequest {
  fullName: string;
  password: string;
  locale?: Locale;
}

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
