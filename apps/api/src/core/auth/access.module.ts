import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmployerEntity } from '../../modules/employers/entities/employer.entity';
import { AccessService } from './access.service';

/** The one tenant check (AccessService), available to every module. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([EmployerEntity])],
  providers: [AccessService],
  exports: [AccessService],
})
export class AccessModule {}
