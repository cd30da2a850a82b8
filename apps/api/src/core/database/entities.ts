import { WorkerProbeEntity } from '../../modules/system/entities/worker-probe.entity';

/** Every TypeORM entity, listed once (bundled code cannot rely on file globs). */
export const ENTITIES = [WorkerProbeEntity];
