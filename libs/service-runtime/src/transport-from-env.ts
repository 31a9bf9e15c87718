import { IdfedEnv } from '@idfed/config';
import { DEFAULT_EVENT_RETRY_POLICY, EventRetryPolicy, TransportConfig } from '@idfed/messaging';

/**
 * Kafka when brokers are configured; otherwise the in-process bus (embedded launcher only).
 * A queued command expires at 80% of the caller's wait, so a service rarely starts work whose
 * caller has already been told ServiceUnavailable.
 */
export function transportFromEnv(env: IdfedEnv, clientId: string): TransportConfig {
  return env.kafkaBrokers
    ? {
        kind: 'kafka',
        brokers: env.kafkaBrokers,
        partitions: env.kafkaPartitions,
        sessionTimeoutMs: env.kafkaSessionTimeoutMs,
        clientId,
        requestTtlMs: Math.floor(env.requestTimeoutMs * 0.8),
        eventRetry: eventRetryFromEnv(env),
      }
    : {
        kind: 'in-process',
        requestTtlMs: Math.floor(env.requestTimeoutMs * 0.8),
        eventRetry: eventRetryFromEnv(env),
      };
}

function eventRetryFromEnv(env: IdfedEnv): EventRetryPolicy {
  return {
    maxAttempts: env.eventMaxAttempts,
    firstBackoffMs: env.eventRetryBackoffMs,
    maxBackoffMs: Math.max(env.eventRetryBackoffMs, DEFAULT_EVENT_RETRY_POLICY.maxBackoffMs),
  };
}
