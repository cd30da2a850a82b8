import {
  ApiErrorBody,
  SessionResponse,
  SessionStatus,
  SessionUser,
  UserRole,
} from '@moisson/contract';

const USERS: Record<UserRole, SessionUser> = {
  firm_admin: {
    id: 'u-admin',
    email: 'claire.martin@cabinet.fr',
    fullName: 'Claire Martin',
    role: 'firm_admin',
    employerId: null,
    employerName: null,
    locale: 'fr',
    totpEnabled: true,
  },
  firm_staff: {
    id: 'u-staff',
    email: 'julien.leroy@cabinet.fr',
    fullName: 'Julien Leroy',
    role: 'firm_staff',
    employerId: null,
    employerName: null,
    locale: 'fr',
    totpEnabled: true,
  },
  employer_owner: {
    id: 'u-owner',
    email: 'marie@vergers-du-lot.fr',
    fullName: 'Marie Dupont',
    role: 'employer_owner',
    employerId: 'e-1',
    employerName: 'EARL Les Vergers du Lot',
    locale: 'fr',
    totpEnabled: false,
  },
  employer_member: {
    id: 'u-member',
    email: 'pierre@vergers-du-lot.fr',
    fullName: 'Pierre Dupont',
    role: 'employer_member',
    employerId: 'e-1',
    employerName: 'EARL Les Vergers du Lot',
    locale: 'fr',
    totpEnabled: false,
  },
};

/** A session of a user with `role` (a typical one), at `status`. */
export function sessionOf(
  role: UserRole,
  status: SessionStatus = 'signed_in',
  user: Partial<SessionUser> = {},
): SessionResponse {
  return {
    status,
    user: { ...USERS[role], ...user },
    idleExpiresAt: '2026-03-29T02:00:00Z',
    absoluteExpiresAt: '2026-03-29T13:00:00Z',
  };
}

/** The API's error body, for `TestRequest.flush(apiError(...), { status })`. */
export function apiError(
  statusCode: number,
  code: string,
  message: string,
  extra: Partial<ApiErrorBody> = {},
): ApiErrorBody {
  return { statusCode, code, message, requestId: 'req-1', ...extra };
}

/** `flush` options for an error status. */
export function status(code: number): { status: number; statusText: string } {
  return { status: code, statusText: 'Error' };
}
