import { IdfedEnv } from '@idfed/config';
import { TransportConfig } from '@idfed/messaging';

/** Kafka when brokers are configured; otherwise the in-process bus (embedded launcher only). */
export function transportFromEnv(env: IdfedEnv, clientId: string): TransportConfig {
  return env.kafkaBrokers
    ? {
        kind: 'kafka',
        brokers: env.kafkaBrokers,
        partitions: env.kafkaPartitions,
        clientId,
        requestTtlMs: env.requestTimeoutMs,
      }
    : { kind: 'in-process' };
}
