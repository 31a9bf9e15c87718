/**
 * A dead letter as an operator sees it, wherever it is kept (the consuming service's
 * `dead_letters` table on the in-process bus, its `<service>.dead-letter.v1` topic on Kafka).
 */
export interface StoredDeadLetter {
  /** The table's row id, or `<partition>:<offset>` of the dead-letter topic. */
  id: string;
  /** The consuming service that gave up on the event. */
  consumer: string;
  sourceTopic: string;
  sourcePartition?: number;
  sourceOffset?: string;
  key: string;
  eventId?: string;
  reason: string;
  attempts: number;
  deadLetteredAt: string;
  status: DeadLetterStatus;
  /** When it was replayed or discarded. */
  statusAt?: string;
  /** The original message's headers (without the dead letter's own). */
  headers: Record<string, string>;
  /** The original value as text; null when there was none. */
  value: string | null;
}

export type DeadLetterStatus = 'waiting' | 'replayed' | 'discarded';

/** What a replay or a discard did; anything but `replayed` / `discarded` changed nothing. */
export type DeadLetterAction =
  | { outcome: 'replayed' | 'discarded'; letter: StoredDeadLetter }
  | { outcome: 'already-replayed' | 'already-discarded'; letter: StoredDeadLetter }
  | { outcome: 'not-found' }
  | { outcome: 'not-replayable'; letter: StoredDeadLetter; why: string };

/** Where an operator's tool finds, replays and discards a service's dead letters. */
export interface DeadLetterStore {
  /** Where they are kept, for the operator: `<schema>.dead_letters` or the topic's name. */
  readonly where: string;
  list(): Promise<StoredDeadLetter[]>;
  /**
   * Sends the original message back to its source topic (every consumer of it sees it again; they
   * are idempotent, so only the one that gave up applies it) and marks the letter replayed. A
   * letter already replayed or discarded is left as it is.
   */
  replay(id: string): Promise<DeadLetterAction>;
  /** Marks a waiting letter discarded: `replay` will not send it any more. */
  discard(id: string): Promise<DeadLetterAction>;
}

/** Headers a replay adds to the message it sends back, naming the dead letter it came from. */
export const REPLAYED_FROM_HEADER = 'idfed-replayed-from';
