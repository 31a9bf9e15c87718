export * from './key-encryption';
export * from './jwt';
export * from './totp';
