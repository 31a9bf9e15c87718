export * from './aws-errors';
export * from './framework-errors';
export * from './operation';
