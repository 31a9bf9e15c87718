export * from './samlify';
export * from './response-check';
