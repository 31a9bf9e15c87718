export * from './data-source';
export * from './keyset-page';
export * from './prepared-query';
export * from './parameter-free.logger';
export * from './service-roles';
export * from './database-unavailable';
export * from './postgres-errors';
export * from './transactions';
