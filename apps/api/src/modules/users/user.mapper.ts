import type {
  SessionResponse,
  SessionStatus,
  SessionUser,
  UserResponse,
} from '@moisson/contract';
import { isFirmRole } from '@moisson/contract';
import type { SessionEntity } from '../auth/entities/session.entity';
import type { UserEntity } from './entities/user.entity';

export function toSessionUser(user: UserEntity): SessionUser {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    employerId: user.employerId,
    employerName: user.employer?.legalName ?? null,
    locale: user.locale,
    totpEnabled: !!user.totpEnabledAt,
  };
}

export function sessionStatus(
  user: UserEntity,
  session: SessionEntity,
): SessionStatus {
  if (session.totpPassed) return 'signed_in';
  if (user.totpEnabledAt) return 'totp_required';
  return isFirmRole(user.role) ? 'totp_enrolment_required' : 'signed_in';
}

export function toSessionResponse(
  user: UserEntity,
  session: SessionEntity,
  idleExpiresAt: Date,
): SessionResponse {
  return {
    status: sessionStatus(user, session),
    user: toSessionUser(user),
    idleExpiresAt: idleExpiresAt.toISOString(),
    absoluteExpiresAt: session.absoluteExpiresAt.toISOString(),
  };
}

export function toUserResponse(user: UserEntity): UserResponse {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    employerId: user.employerId,
    status: user.disabledAt ? 'disabled' : 'active',
    totpEnabled: !!user.totpEnabledAt,
    locale: user.locale,
    lastSignInAt: user.lastSignInAt ? user.lastSignInAt.toISOString() : null,
    createdAt: user.createdAt.toISOString(),
  };
}

/** Whether a fresh session must still pass the two-factor step (or enrolment). */
export function needsTotp(user: UserEntity): boolean {
  return !!user.totpEnabledAt || isFirmRole(user.role);
}
