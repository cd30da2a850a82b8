import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  API_ERROR_CODES,
  InvitationPreview,
  InvitationResponse,
  isFirmRole,
  Locale,
  SessionResponse,
  UserRole,
} from '@moisson/contract';
import { DataSource, IsNull, MoreThan, Repository } from 'typeorm';
import type { AuthContext, RequestMeta } from '../../core/auth/auth-context';
import { hashToken, newToken } from '../../core/auth/tokens';
import { AppConfig } from '../../core/config/app-config';
import { ApiException } from '../../core/http/api-exception';
import { MailService } from '../../core/mail/mail.service';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/services/auth.service';
import { PasswordService } from '../auth/services/password.service';
import { SessionService } from '../auth/services/session.service';
import { EmployerEntity } from '../employers/entities/employer.entity';
import { UserEntity } from '../users/entities/user.entity';
import { needsTotp, toSessionResponse } from '../users/user.mapper';
import { InvitationEntity } from './entities/invitation.entity';

export const INVITATION_VALID_DAYS = 7;
export const FIRM_NAME = 'le cabinet';

const GONE = {
  fr: "Ce lien d'invitation a expiré, a déjà servi ou a été remplacé par un plus récent : demandez une nouvelle invitation.",
  en: 'This invitation link has expired, was already used or was replaced by a newer one: ask for a new invitation.',
};

/** Invitations: e-mailed, single-use links valid 7 days that create an account when accepted. */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectRepository(InvitationEntity)
    private readonly invitations: Repository<InvitationEntity>,
    @InjectRepository(UserEntity)
    private readonly users: Repository<UserEntity>,
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly auth: AuthService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Invites `email` with `role` into `employer` (null: firm staff). A pending invitation for the same
   * address is replaced, so only the newest link works.
   */
  async invite(
    by: AuthContext,
    email: string,
    role: UserRole,
    employer: EmployerEntity | null,
    locale: Locale,
    meta: RequestMeta,
  ): Promise<InvitationResponse> {
    if (await this.users.existsBy({ email })) {
      throw new ApiException(409, API_ERROR_CODES.CONFLICT, {
        fr: `Un compte existe déjà pour ${email}.`,
        en: `An account already exists for ${email}.`,
      });
    }
    const token = newToken();
    const expiresAt = new Date(Date.now() + INVITATION_VALID_DAYS * 86400_000);
    const invitation = await this.dataSource.transaction(async (m) => {
      await m.update(
        InvitationEntity,
        { email, acceptedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      return m.save(
        m.create(InvitationEntity, {
          tokenHash: hashToken(token),
          email,
          role,
          employerId: employer?.id ?? null,
          locale,
          invitedBy: by.user.id,
          expiresAt,
          acceptedAt: null,
          revokedAt: null,
        }),
      );
    });
    await this.mail.send({
      template: 'invitation',
      to: email,
      locale,
      data: {
        inviteeEmail: email,
        inviterName: by.user.fullName,
        organisationName: employer?.legalName ?? FIRM_NAME,
        acceptUrl: `${this.config.PUBLIC_URL}/invitations/${token}`,
        expiresAt: expiresAt.toISOString(),
      },
      idempotencyKey: `invitation-${invitation.id}`,
    });
    await this.audit.record({
      action: 'invitation.created',
      actor: by.user,
      employerId: employer?.id ?? null,
      targetType: 'invitation',
      targetId: invitation.id,
      ip: meta.ip,
      details: { email, role },
    });
    return toInvitationResponse(invitation);
  }

  async listPending(employerId: string | null): Promise<InvitationResponse[]> {
    const rows = await this.invitations.find({
      where: {
        employerId: employerId ?? IsNull(),
        acceptedAt: IsNull(),
        revokedAt: IsNull(),
        expiresAt: MoreThan(new Date()),
      },
      order: { createdAt: 'DESC' },
    });
    return rows.map(toInvitationResponse);
  }

  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.findUsable(token);
    const employer = invitation.employerId
      ? await this.dataSource
          .getRepository(EmployerEntity)
          .findOneBy({ id: invitation.employerId })
      : null;
    return {
      email: invitation.email,
      role: invitation.role,
      organisationName: employer?.legalName ?? FIRM_NAME,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /** Creates the account and its first session. The link works once. */
  async accept(
    token: string,
    fullName: string,
    password: string,
    locale: Locale | undefined,
    meta: RequestMeta,
  ): Promise<{ token: string; response: SessionResponse }> {
    const invitation = await this.findUsable(token);
    this.passwords.assertAcceptable(password, invitation.email);
    const passwordHash = await this.passwords.hash(password);
    const user = await this.dataSource.transaction(async (m) => {
      const claimed = await m.update(
        InvitationEntity,
        { id: invitation.id, acceptedAt: IsNull(), revokedAt: IsNull() },
        { acceptedAt: new Date() },
      );
      if (!claimed.affected)
        throw new ApiException(404, API_ERROR_CODES.NOT_FOUND, GONE);
      if (await m.existsBy(UserEntity, { email: invitation.email })) {
        throw new ApiException(409, API_ERROR_CODES.CONFLICT, {
          fr: `Un compte existe déjà pour ${invitation.email} : connectez-vous plutôt.`,
          en: `An account already exists for ${invitation.email}: sign in instead.`,
        });
      }
      return m.save(
        m.create(UserEntity, {
          email: invitation.email,
          fullName,
          role: invitation.role,
          employerId: isFirmRole(invitation.role)
            ? null
            : invitation.employerId,
          passwordHash,
          locale: locale ?? invitation.locale,
          totpSecret: null,
          totpEnabledAt: null,
          totpLastStep: null,
          disabledAt: null,
          lastSignInAt: null,
        }),
      );
    });
    const full = await this.users.findOneOrFail({
      where: { id: user.id },
      relations: { employer: true },
    });
    await this.audit.record({
      action: 'invitation.accepted',
      actor: full,
      employerId: full.employerId,
      targetType: 'user',
      targetId: full.id,
      ip: meta.ip,
      details: { invitationId: invitation.id, role: full.role },
    });
    const totpPassed = !needsTotp(full);
    const created = await this.sessions.create(full, meta, totpPassed);
    if (totpPassed) await this.auth.signedIn(full, meta, 'invitation');
    return {
      token: created.token,
      response: toSessionResponse(
        full,
        created.session,
        this.sessions.idleExpiry(created.session),
      ),
    };
  }

  private async findUsable(token: string): Promise<InvitationEntity> {
    const invitation = await this.invitations.findOneBy({
      tokenHash: hashToken(token),
      acceptedAt: IsNull(),
      revokedAt: IsNull(),
      expiresAt: MoreThan(new Date()),
    });
    if (!invitation)
      throw new ApiException(404, API_ERROR_CODES.NOT_FOUND, GONE);
    return invitation;
  }
}

export function toInvitationResponse(i: InvitationEntity): InvitationResponse {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    employerId: i.employerId,
    expiresAt: i.expiresAt.toISOString(),
    acceptedAt: i.acceptedAt ? i.acceptedAt.toISOString() : null,
  };
}
