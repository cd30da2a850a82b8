import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InvitationsModule } from '../invitations/invitations.module';
import { UserEntity } from '../users/entities/user.entity';
import { UsersModule } from '../users/users.module';
import { EmployersController } from './employers.controller';
import { EmployersService } from './employers.service';
import { EmployerEntity } from './entities/employer.entity';

/** Employer accounts (farms, the tenants), their users and invitations. */
@Module({
  imports: [
    UsersModule,
    InvitationsModule,
    TypeOrmModule.forFeature([EmployerEntity, UserEntity]),
  ],
  controllers: [EmployersController],
  providers: [EmployersService],
})
export class EmployersModule {}
