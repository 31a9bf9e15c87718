export * from './logger';
export * from './error-serializer';
