export * from './key-encryption';
export * from './jwt';
export * from './totp';
export * from './password-hasher';
