import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RecoveryCodeEntity } from '../users/entities/recovery-code.entity';
import { UserEntity } from '../users/entities/user.entity';
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

/** Sign-in, sessions, two-factor and password resets. Installs the global AuthGuard. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      UserEntity,
      RecoveryCodeEntity,
      SessionEntity,
      PasswordResetEntity,
    ]),
  ],
  controllers: [AuthController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    AuthService,
    LoginThrottleService,
    PasswordResetService,
    PasswordService,
    SecretBoxService,
    SessionService,
    TotpService,
  ],
  exports: [
    AuthService,
    SessionService,
    PasswordService,
    TotpService,
    SecretBoxService,
  ],
})
export class AuthModule {}
