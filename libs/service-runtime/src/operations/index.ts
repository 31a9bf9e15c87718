export * from './operation-handler';
export * from './caller-access';
export * from './error-contract.monitor';
export * from './operations.controller';
export * from './registry-completeness';
export * from './health.handler';
