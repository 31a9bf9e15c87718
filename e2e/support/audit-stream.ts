import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditTopic, AuditRecord, SERVICE_NAMES } from '../../libs/contracts/src';
import { eventually } from '../../libs/testing/src/eventually';
import type { E2eSystem } from './e2e-context';
import { KafkaObserver, observeTopics } from './kafka-observer';

/**
 * The services' audit streams as an operator reads them (docs/operations.md): distributed, the
 * `<service>.audit.v1` Kafka topics; embedded, the event journal's segments under the data dir
 * (`events/events-*.jsonl`), where the in-process bus writes them before the outbox lets go.
 */
export interface AuditStream {
  records(): AuditRecord[];
  /** The one record of the request (x-amzn-RequestId), once it has arrived. */
  recordOf(requestId: string | undefined): Promise<AuditRecord>;
  /** Everything read so far, as text: for secret scans. */
  text(): string;
  stop(): Promise<void>;
}

export async function openAuditStream(system: E2eSystem, name: string): Promise<AuditStream> {
  const topics = SERVICE_NAMES.map(auditTopic);
  let observer: KafkaObserver | undefined;
  let read: () => { topic: string; value: unknown }[];
  if (system.mode === 'distributed') {
    observer = await observeTopics(name, topics);
    read = () => observer!.seen;
  } else {
    const dir = join(system.commonEnv.IDFED_DATA_DIR, 'events');
    read = () =>
      existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => /^events-\d+\.jsonl$/.test(f))
            .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
            .filter((line) => line.trim().startsWith('{'))
            .map((line) => JSON.parse(line) as { topic: string; value: unknown })
        : [];
  }
  const records = () =>
    read()
      .filter((e) => topics.includes(e.topic))
      .map((e) => e.value as AuditRecord);
  return {
    records,
    async recordOf(requestId) {
      if (!requestId) throw new Error('the answer carried no request id');
      let found: AuditRecord[] = [];
      await eventually(() => {
        found = records().filter((r) => r.requestID === requestId);
        expect(found.length).toBeGreaterThan(0);
      });
      expect(found).toHaveLength(1);
      return found[0];
    },
    text: () => JSON.stringify(records()),
    stop: async () => observer?.stop(),
  };
}
