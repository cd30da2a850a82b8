import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkerProbeEntity } from './entities/worker-probe.entity';
import { SystemProcessor } from './jobs/system.processor';
import { WorkerProbeController } from './worker-probe.controller';
import { WorkerProbeService } from './worker-probe.service';

/** System plumbing: the worker probe. HTTP side in the API, processor in the worker. */
@Module({})
export class SystemModule {
  static forApi(): DynamicModule {
    return {
      module: SystemModule,
      imports: [TypeOrmModule.forFeature([WorkerProbeEntity])],
      controllers: [WorkerProbeController],
      providers: [WorkerProbeService],
    };
  }

  static forWorker(): DynamicModule {
    return {
      module: SystemModule,
      imports: [TypeOrmModule.forFeature([WorkerProbeEntity])],
      providers: [WorkerProbeService, SystemProcessor],
    };
  }
}
