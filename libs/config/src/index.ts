export * from './env';
export * from './env-reader';
export * from './data-dir';
export * from './secret-keys';
export * from './rate-limits';
export * from './custom-domain-certificates';
