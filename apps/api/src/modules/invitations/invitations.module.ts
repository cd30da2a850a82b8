import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { EmployerEntity } from '../employers/entities/employer.entity';
import { UserEntity } from '../users/entities/user.entity';
import { InvitationEntity } from './entities/invitation.entity';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';

/** E-mailed, single-use invitations that create accounts. */
@Module({
  imports: [
    AuthModule,
    TypeOrmModule.forFeature([InvitationEntity, UserEntity, EmployerEntity]),
  ],
  controllers: [InvitationsController],
  providers: [InvitationsService],
  exports: [InvitationsService],
})
export class InvitationsModule {}
