import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { probeOutbox } from '@idfed/observability';
import { SERVICE_SCHEMA } from '@idfed/persistence';
import { DataSource, EntitySubscriberInterface } from 'typeorm';
import { EVENT_PUBLISHER, EventPublisher } from '../event-publisher';
import { MessageHeaders } from '../headers';
import { OutboxService } from './outbox.service';

interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  payload: unknown;
  headers: MessageHeaders;
}

export interface OutboxRelayOptions {
  pollIntervalMs: number;
  batchSize: number;
}

/** Overrides the relay's polling (tests); services use the defaults. */
export const OUTBOX_RELAY_OPTIONS = Symbol('OUTBOX_RELAY_OPTIONS');

/** When another replica holds the relay's lock, a nudged relay tries again after this, doubling. */
const BUSY_RETRY_MS = 10;

/**
 * Moves committed events from the outbox to the bus. Rows are deleted in the same transaction that
 * read them, only after the bus acknowledged them: a crash before the commit means they are sent
 * again (consumers dedupe through their inbox), never lost. A transaction-scoped advisory lock lets
 * one replica relay at a time, which keeps each key's events in their commit order.
 *
 * It polls, and is woken as soon as a transaction of its own DataSource that wrote events commits
 * (a TypeORM subscriber tells the outbox, which nudges it), so an event of this process leaves
 * within a round trip of its commit rather than up to a poll interval later. Polling remains for
 * events of other replicas and for the rows a failed publish left. A nudged relay that finds
 * another replica holding the lock tries again shortly (10, 20, 40 ... ms, up to the poll
 * interval): that replica may have read the outbox before this commit.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private pendingNudge = false;
  private unsubscribe?: () => void;
  private unprobe?: () => void;
  private readonly commits: EntitySubscriberInterface = {
    afterTransactionCommit: (event) => this.outbox.committed(event.queryRunner),
    afterTransactionRollback: (event) => this.outbox.rolledBack(event.queryRunner),
  };

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SERVICE_SCHEMA) private readonly schema: string,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(EVENT_PUBLISHER) private readonly publisher: EventPublisher,
    @Optional()
    @Inject(OUTBOX_RELAY_OPTIONS)
    private readonly options: OutboxRelayOptions = { pollIntervalMs: 500, batchSize: 200 },
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.outbox.onNudge(() => {
      this.pendingNudge = true;
      this.wake?.();
    });
    this.dataSource.subscribers.push(this.commits);
    this.unprobe = probeOutbox(this.schema, () => this.backlog());
    this.loop = this.run();
  }

  /** How many events wait in the outbox and how old the oldest is: read when metrics are scraped. */
  async backlog(): Promise<{ backlog: number; oldestAgeSeconds: number }> {
    const [row] = await this.dataSource.query<{ n: number; age: number | null }[]>(
      `SELECT count(*)::int AS n, EXTRACT(EPOCH FROM now() - min(created_at))::float8 AS age FROM "${this.schema}".outbox`,
    );
    return { backlog: row.n, oldestAgeSeconds: Math.max(0, row.age ?? 0) };
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.unprobe?.();
    const at = this.dataSource.subscribers.indexOf(this.commits);
    if (at >= 0) this.dataSource.subscribers.splice(at, 1);
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    let busyRetryMs = 0;
    while (this.running) {
      const nudged = this.pendingNudge;
      this.pendingNudge = false;
      try {
        const relayed = await this.relayOnce();
        failures = 0;
        if (relayed === 'busy' && (nudged || busyRetryMs > 0)) {
          // Another replica is relaying; it may have read the outbox before the nudging commit.
          busyRetryMs = busyRetryMs === 0 ? BUSY_RETRY_MS : busyRetryMs * 2;
          if (busyRetryMs < this.options.pollIntervalMs && this.running) {
            await this.sleep(busyRetryMs);
            continue;
          }
        }
        busyRetryMs = 0;
        if (relayed === this.options.batchSize) continue;
      } catch (err) {
        failures++;
        this.logger.warn(
          `outbox relay of ${this.schema} failed (attempt ${failures}): ${(err as Error).message}`,
        );
      }
      // stop() may have come while the batch was in flight: its wake() found no sleep to end.
      if (!this.running) break;
      if (this.pendingNudge && failures === 0) continue;
      await this.sleep(failures ? Math.min(10_000, 200 * 2 ** failures) : this.options.pollIntervalMs);
    }
  }

  /** Publishes one batch; returns how many events it relayed (0 when another replica holds the lock). */
  async relayBatch(): Promise<number> {
    const relayed = await this.relayOnce();
    return relayed === 'busy' ? 0 : relayed;
  }

  private async relayOnce(): Promise<number | 'busy'> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query<{ locked: boolean }[]>(
        `SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`,
        [`${this.schema}.outbox`],
      );
      if (!locked) return 'busy';
      const rows = await manager.query<OutboxRow[]>(
        `SELECT id, topic, key, payload, headers FROM "${this.schema}".outbox ORDER BY id LIMIT $1`,
        [this.options.batchSize],
      );
      if (rows.length === 0) return 0;
      await this.publisher.publishEvents(
        rows.map((r) => ({ topic: r.topic, key: r.key, value: r.payload, headers: r.headers })),
      );
      await manager.query(`DELETE FROM "${this.schema}".outbox WHERE id = ANY($1::bigint[])`, [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
