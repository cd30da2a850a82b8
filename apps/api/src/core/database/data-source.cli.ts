import { DataSource } from 'typeorm';
import { loadConfig } from '../config/load-config';
import { dataSourceOptions } from './data-source';

/** For the TypeORM CLI only (npm run db:migration:generate / check): the same options as the app. */
export default new DataSource(dataSourceOptions(loadConfig()));
