export * from './audit-record';
export * from './audit-redaction';
export * from './audit-trail';
export * from './record-refused-call.handler';
