import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessService } from '../../core/auth/access.service';
import { AccountController } from '../account/account.controller';
import { AccountService } from '../account/account.service';
import { EmployersController } from '../employers/employers.controller';
import { EmployersService } from '../employers/employers.service';
import { EmployerEntity } from '../employers/entities/employer.entity';
import { InvitationEntity } from '../invitations/entities/invitation.entity';
import { InvitationsService } from '../invitations/invitations.service';
import { RecoveryCodeEntity } from '../users/entities/recovery-code.entity';
import { UserEntity } from '../users/entities/user.entity';
import { StaffController } from '../users/staff.controller';
import { UsersService } from '../users/users.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { PasswordResetEntity } from './entities/password-reset.entity';
import { SessionEntity } from './entities/session.entity';
import { AuthService } from './services/auth.service';
import { LoginThrottleService } from './services/login-throttle.service';
import { PasswordResetService } from './services/password-reset.service';
import { PasswordService } from './services/password.service';
import { SecretBoxService } from './services/secret-box.service';
import { SessionService } from './services/session.service';
import { TotpService } from './services/totp.service';

/**
 * Accounts: sign-in, sessions and two-factor (auth), the caller's own account, employers, their users
 * and the firm's staff, invitations. One module because these share the session and user services;
 * each concept keeps its own folder. Installs the global AuthGuard.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      UserEntity,
      RecoveryCodeEntity,
      SessionEntity,
      PasswordResetEntity,
      InvitationEntity,
      EmployerEntity,
    ]),
  ],
  controllers: [
    AuthController,
    AccountController,
    EmployersController,
    StaffController,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    AccessService,
    AccountService,
    AuthService,
    EmployersService,
    InvitationsService,
    LoginThrottleService,
    PasswordResetService,
    PasswordService,
    SecretBoxService,
    SessionService,
    TotpService,
    UsersService,
  ],
  exports: [SessionService, PasswordService, TotpService, SecretBoxService],
})
export class AuthModule {}
