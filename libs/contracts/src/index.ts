export * from './services';
export * from './command';
export * from './health';
export * from './parse-message';
export * from './user-directory';
export * from './credential-vending';
export * from './federation-broker';
export * from './credential-vending/web-identity.commands';
