export * from './lib/api-error';
export * from './lib/audit';
export * from './lib/auth';
export * from './lib/dossiers';
export * from './lib/employers';
export * from './lib/health';
export * from './lib/imports';
export * from './lib/roles';
