import { ContextValue } from '@idfed/policy';

/** Global condition keys every STS decision sees (aws:CurrentTime, aws:EpochTime, aws:SourceIp). */
export function globalContext(nowMs: number, sourceIp?: string): Record<string, ContextValue> {
  return {
    'aws:CurrentTime': new Date(nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'aws:EpochTime': Math.floor(nowMs / 1000),
    'aws:SecureTransport': false,
    ...(sourceIp ? { 'aws:SourceIp': sourceIp.replace(/^::ffff:/, '') } : {}),
  };
}
