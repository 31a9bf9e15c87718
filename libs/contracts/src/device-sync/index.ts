export * from './commands';
export * from './events';
export * as DeviceSyncWire from './wire-types';
