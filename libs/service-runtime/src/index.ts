export * from './health.handlers';
export * from './database.provider';
export * from './service-app';
export * from './transport-from-env';
export * from './service-process';
export * from './service-module';
export * from './peer-bus.providers';
export * from './exit-codes';
