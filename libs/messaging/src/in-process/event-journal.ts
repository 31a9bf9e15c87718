import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { open, FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { MessageHeaders } from '../headers';

/** One event as the journal keeps it: what the bus delivered, and when it was written. */
export interface JournaledEvent {
  at: number;
  topic: string;
  key: string;
  value: unknown;
  headers: MessageHeaders;
}

export interface EventJournalOptions {
  /** The directory of the segments (the embedded launcher's data dir, `events/`). */
  dir: string;
  /** The topics kept; events of other topics are not written. */
  topics: string[];
  /** How long an event is kept: a segment wholly older than this is deleted. */
  retentionMs: number;
  now?: () => number;
}

const SEGMENT_MS = 60 * 60 * 1000;
const SEGMENT = /^events-(\d+)\.jsonl$/;

/**
 * The in-process bus's durable record of some topics (ADR 0042): what Kafka's retention gives a
 * distributed replica, for the one embedded process. Events are appended, one JSON line each, to
 * an hourly segment file and flushed to disk before the publish that wrote them resolves, so an
 * outbox row is deleted only once its event is on disk. Segments older than the retention are
 * deleted when a new one starts. A line cut short by a crash is skipped when read.
 */
export class EventJournal {
  private readonly topics: Set<string>;
  private readonly now: () => number;
  private segment?: { start: number; file: FileHandle };
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly options: EventJournalOptions) {
    this.topics = new Set(options.topics);
    this.now = options.now ?? Date.now;
    mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    this.trim();
  }

  keeps(topic: string): boolean {
    return this.topics.has(topic);
  }

  /** Appends the events of kept topics; resolves once they are on disk. Appends run one at a time. */
  append(events: Omit<JournaledEvent, 'at'>[]): Promise<void> {
    const kept = events.filter((e) => this.topics.has(e.topic));
    if (kept.length === 0) return Promise.resolve();
    const next = this.writing.then(() => this.write(kept));
    // A failed write fails its publish (the outbox row stays); the next append tries again.
    this.writing = next.catch(() => undefined);
    return next;
  }

  /** The kept events of `topics` written at or after `sinceMs`, oldest first. */
  read(topics: string[], sinceMs: number): JournaledEvent[] {
    const wanted = new Set(topics);
    const events: JournaledEvent[] = [];
    for (const { start, name } of this.segments()) {
      if (start + SEGMENT_MS <= sinceMs) continue;
      let text: string;
      try {
        text = readFileSync(join(this.options.dir, name), 'utf8');
      } catch {
        continue; // trimmed meanwhile
      }
      for (const line of text.split('\n')) {
        if (!line) continue;
        let event: JournaledEvent;
        try {
          event = JSON.parse(line) as JournaledEvent;
        } catch {
          continue; // the tail of a write a crash cut short
        }
        if (event.at >= sinceMs && wanted.has(event.topic)) events.push(event);
      }
    }
    return events;
  }

  async close(): Promise<void> {
    await this.writing;
    const segment = this.segment;
    this.segment = undefined;
    await segment?.file.close();
  }

  private async write(events: Omit<JournaledEvent, 'at'>[]): Promise<void> {
    const at = this.now();
    const start = at - (at % SEGMENT_MS);
    if (this.segment?.start !== start) {
      await this.segment?.file.close();
      this.segment = undefined;
      const file = await open(join(this.options.dir, `events-${start}.jsonl`), 'a', 0o600);
      this.segment = { start, file };
      this.trim();
    }
    const lines = events.map((e) =>
      JSON.stringify({ at, topic: e.topic, key: e.key, value: e.value, headers: e.headers }),
    );
    // The leading newline ends a line a crash may have cut short, so this batch stays readable.
    await this.segment.file.appendFile(`\n${lines.join('\n')}\n`);
    await this.segment.file.datasync();
  }

  private trim(): void {
    const oldest = this.now() - this.options.retentionMs;
    for (const { start, name } of this.segments()) {
      if (start + SEGMENT_MS < oldest) rmSync(join(this.options.dir, name), { force: true });
    }
  }

  private segments(): { start: number; name: string }[] {
    return readdirSync(this.options.dir)
      .map((name) => ({ name, match: SEGMENT.exec(name) }))
      .filter((s) => s.match !== null)
      .map((s) => ({ start: Number(s.match![1]), name: s.name }))
      .sort((a, b) => a.start - b.start);
  }
}
