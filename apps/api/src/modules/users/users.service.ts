import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  API_ERROR_CODES,
  EMPLOYER_ROLES,
  FIRM_ROLES,
  UserResponse,
  UserRole,
} from '@moisson/contract';
import { IsNull, Not, Repository } from 'typeorm';
import type { AuthContext, RequestMeta } from '../../core/auth/auth-context';
import { ApiException } from '../../core/http/api-exception';
import { AuditService } from '../audit/audit.service';
import { SessionService } from '../auth/services/session.service';
import { UserEntity } from './entities/user.entity';
import { toUserResponse } from './user.mapper';

export interface UserChange {
  role?: UserRole;
  disabled?: boolean;
}

/** Lists and changes users: an employer's users (scope: that employer) or the firm's staff. */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity)
    private readonly users: Repository<UserEntity>,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async listForEmployer(employerId: string): Promise<UserResponse[]> {
    const rows = await this.users.find({
      where: { employerId },
      order: { createdAt: 'ASC' },
    });
    return rows.map(toUserResponse);
  }

  async listStaff(): Promise<UserResponse[]> {
    const rows = await this.users.find({
      where: { employerId: IsNull() },
      order: { createdAt: 'ASC' },
    });
    return rows.map(toUserResponse);
  }

  /** `employerId` null: the user must be firm staff. A user outside the scope is "not found". */
  async update(
    by: AuthContext,
    employerId: string | null,
    userId: string,
    change: UserChange,
    meta: RequestMeta,
  ): Promise<UserResponse> {
    const user = await this.users.findOneBy({
      id: userId,
      employerId: employerId ?? IsNull(),
    });
    if (!user)
      throw new ApiException(404, API_ERROR_CODES.NOT_FOUND, {
        fr: `Aucun utilisateur avec l'identifiant ${userId} n'a été trouvé ici.`,
        en: `No user with the id ${userId} was found here.`,
      });
    const allowedRoles: readonly UserRole[] = employerId
      ? EMPLOYER_ROLES
      : FIRM_ROLES;
    if (change.role && !allowedRoles.includes(change.role)) {
      throw new ApiException(422, API_ERROR_CODES.UNPROCESSABLE, {
        fr: `Rôle : la valeur doit être l'une de celles-ci ici : ${allowedRoles.join(', ')}.`,
        en: `role must be one of ${allowedRoles.join(', ')} here.`,
      });
    }
    if (
      user.id === by.user.id &&
      (change.disabled || (change.role && change.role !== user.role))
    ) {
      throw new ApiException(422, API_ERROR_CODES.UNPROCESSABLE, {
        fr: 'Vous ne pouvez ni vous désactiver ni changer votre propre rôle : demandez à un autre administrateur.',
        en: 'You cannot disable yourself or change your own role: ask another administrator.',
      });
    }
    const losesTopRole =
      (change.disabled === true && !user.disabledAt) ||
      (change.role !== undefined && change.role !== user.role);
    const topRole: UserRole = employerId ? 'employer_owner' : 'firm_admin';
    if (losesTopRole && user.role === topRole && !user.disabledAt) {
      const others = await this.users.countBy({
        employerId: employerId ?? IsNull(),
        role: topRole,
        disabledAt: IsNull(),
        id: Not(user.id),
      });
      if (others === 0) {
        throw new ApiException(422, API_ERROR_CODES.UNPROCESSABLE, {
          fr: `Il doit rester au moins un ${topRole === 'firm_admin' ? 'administrateur du cabinet' : "propriétaire de l'exploitation"} actif.`,
          en: `There must remain at least one active ${topRole.replace('_', ' ')}.`,
        });
      }
    }
    const target = {
      employerId: user.employerId,
      targetType: 'user',
      targetId: user.id,
      actor: by.user,
      ip: meta.ip,
    };
    if (change.role && change.role !== user.role) {
      await this.users.update({ id: user.id }, { role: change.role });
      this.sessions.forgetUser(user.id); // the new role applies to their next request
      await this.audit.record({
        action: 'user.role_changed',
        ...target,
        details: { from: user.role, to: change.role },
      });
      user.role = change.role;
    }
    if (change.disabled === true && !user.disabledAt) {
      user.disabledAt = new Date();
      await this.users.update({ id: user.id }, { disabledAt: user.disabledAt });
      await this.sessions.revokeAllForUser(user.id); // the disabled user's sessions end at once
      await this.audit.record({ action: 'user.disabled', ...target });
    } else if (change.disabled === false && user.disabledAt) {
      user.disabledAt = null;
      await this.users.update({ id: user.id }, { disabledAt: null });
      await this.audit.record({ action: 'user.enabled', ...target });
    }
    return toUserResponse(user);
  }
}
