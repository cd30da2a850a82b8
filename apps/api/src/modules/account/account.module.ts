import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { UserEntity } from '../users/entities/user.entity';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';

/** What signed-in people change about their own account. */
@Module({
  imports: [AuthModule, TypeOrmModule.forFeature([UserEntity])],
  controllers: [AccountController],
  providers: [AccountService],
})
export class AccountModule {}
