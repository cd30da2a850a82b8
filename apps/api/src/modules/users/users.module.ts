import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { UserEntity } from './entities/user.entity';
import { StaffController } from './staff.controller';
import { UsersService } from './users.service';

/** People who sign in: an employer's users (listed from EmployersModule) and the firm's staff. */
@Module({
  imports: [
    AuthModule,
    InvitationsModule,
    TypeOrmModule.forFeature([UserEntity]),
  ],
  controllers: [StaffController],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
