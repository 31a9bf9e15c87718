export * from './wire-types';
export * from './commands';
export * from './events';
export * from './oauth';
export * from './saml';
export * from './user-import';
