export * from './metrics';
export * from './labels';
export * from './scrape-probes';
export * from './pg-pool';
export * from './metrics-server';
export * from './metrics.controller';
export * from './tracing';
