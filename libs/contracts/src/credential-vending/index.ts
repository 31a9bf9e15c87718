export * from './wire-types';
export * from './commands';
export * from './events';
export * from './saml.wire-types';
export * from './saml.commands';
export * from './groups.wire-types';
export * from './groups.commands';
export * from './user-tags.commands';
