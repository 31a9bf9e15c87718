import { consumerTimings, DEFAULT_SESSION_TIMEOUT_MS } from './kafka-options';

const base = { brokers: ['127.0.0.1:9092'], clientId: 'spec', partitions: 3 };

describe('consumer timings', () => {
  it('let a crashed member go within seconds, not kafkajs’ 30 s default', () => {
    expect(DEFAULT_SESSION_TIMEOUT_MS).toBeLessThanOrEqual(5000);
    expect(consumerTimings(base).sessionTimeout).toBe(DEFAULT_SESSION_TIMEOUT_MS);
  });

  it.each([1000, 3000, 10_000, 45_000])(
    'keep an idle consumer heartbeating within a %i ms session',
    (sessionTimeoutMs) => {
      const t = consumerTimings({ ...base, sessionTimeoutMs });
      expect(t.sessionTimeout).toBe(sessionTimeoutMs);
      // kafkajs heartbeats between fetches: a fetch that waits on the broker delays the heartbeat.
      expect(t.heartbeatInterval + t.maxWaitTimeInMs).toBeLessThanOrEqual((2 * sessionTimeoutMs) / 3);
      expect(t.rebalanceTimeout).toBeGreaterThan(sessionTimeoutMs);
    },
  );
});
