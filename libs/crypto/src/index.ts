export * from './key-encryption';
export * from './jwt';
