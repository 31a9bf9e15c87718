/**
 * Tells when a replaying broadcast consumer has read every replayed partition up to the end it had
 * when the replay began. Producers are idempotent but not transactional, so offsets carry no
 * control records: the partition's last event sits at `end - 1`.
 */
export class ReplayProgress {
  private readonly remaining = new Map<string, bigint>();
  private resolve!: () => void;
  readonly caughtUp: Promise<void>;

  constructor(partitions: readonly { topic: string; partition: number; from: string; end: string }[]) {
    this.caughtUp = new Promise<void>((r) => (this.resolve = r));
    for (const p of partitions) {
      if (BigInt(p.from) < BigInt(p.end)) this.remaining.set(slot(p.topic, p.partition), BigInt(p.end));
    }
    if (this.remaining.size === 0) this.resolve();
  }

  static none(): ReplayProgress {
    return new ReplayProgress([]);
  }

  get pending(): number {
    return this.remaining.size;
  }

  delivered(topic: string, partition: number, offset: string): void {
    if (this.remaining.size === 0) return;
    const key = slot(topic, partition);
    const end = this.remaining.get(key);
    if (end === undefined || BigInt(offset) + 1n < end) return;
    this.remaining.delete(key);
    if (this.remaining.size === 0) this.resolve();
  }
}

function slot(topic: string, partition: number): string {
  return `${topic}/${partition}`;
}
