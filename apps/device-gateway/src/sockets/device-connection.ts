import type { WebSocket } from 'ws';
import type { DeviceIdentity } from '../auth/device-identity';
import { ALL_DATASETS, type ServerMessage } from './sync-protocol';

/**
 * Close codes (RFC 6455 leaves 4000-4999 to applications). A dropped slow reader or dead peer gets
 * no close frame (its connection is what is stuck): the client sees 1006.
 */
export const CloseCodes = {
  /** The server is stopping; reconnect (to another replica). */
  goingAway: 1001,
  /** The temporary credentials expired: get new ones and reconnect. */
  credentialsExpired: 4401,
  /** The credentials' role sessions were revoked. */
  credentialsRevoked: 4403,
  /** No message from the client for IDFED_WS_IDLE_TIMEOUT_MS. */
  idle: 4408,
} as const;

/** Why a socket went away, as counted and logged. */
export type DropReason = 'slow-reader' | 'dead-peer';

/** One device's socket: whom it belongs to, what it subscribed to, and when it was last heard. */
export class DeviceConnection {
  /** What the socket subscribed to with frames. */
  readonly subscriptions = new Set<string>();
  /**
   * What its registered device is subscribed to (SubscribeToDataset): read when the socket opens,
   * then kept in step by device sync's subscription events.
   */
  readonly deviceSubscriptions = new Set<string>();
  /** When the client last sent a message (pongs excluded): the idle timeout's clock. */
  lastMessageAt: number;
  /** Whether anything (a pong included) came since the last ping. */
  heardSincePing = true;
  private closed = false;
  private expiryTimer?: NodeJS.Timeout;
  /** Messages of one socket are handled one after another, so replies keep the order of requests. */
  private pending: Promise<void> = Promise.resolve();

  constructor(
    readonly ws: WebSocket,
    readonly identity: DeviceIdentity,
    readonly deviceId: string | undefined,
    now: number,
    private readonly maxBufferedBytes: number,
    private readonly onDrop: (connection: DeviceConnection, reason: DropReason) => void,
  ) {
    this.lastMessageAt = now;
  }

  /** Whether a change of the dataset is for this socket, by its frames or its device. */
  follows(datasetName: string): boolean {
    const { subscriptions: own, deviceSubscriptions: device } = this;
    return (
      own.has(datasetName) || own.has(ALL_DATASETS) || device.has(datasetName) || device.has(ALL_DATASETS)
    );
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /**
   * Queues a frame, unless the client has not read what was queued before it: past the bound, the
   * socket is dropped rather than buffered for without limit. False when it was dropped.
   */
  send(message: ServerMessage): boolean {
    if (this.closed) return false;
    if (this.ws.bufferedAmount > this.maxBufferedBytes) {
      this.drop('slow-reader');
      return false;
    }
    this.ws.send(JSON.stringify(message));
    return true;
  }

  /** Runs `work` after the socket's earlier messages were answered. */
  enqueue(work: () => Promise<void>): void {
    // work never rejects (the handler answers errors as frames); the catch keeps the chain alive.
    this.pending = this.pending.then(work).catch(() => undefined);
  }

  /** Closes at `expiresAt` with 4401, whatever the socket is doing. */
  closeAtExpiry(delayMs: number): void {
    // setTimeout's limit is about 24.8 days; sessions last 12 hours at most.
    this.expiryTimer = setTimeout(
      () => this.close(CloseCodes.credentialsExpired, 'credentials expired'),
      Math.max(0, Math.min(delayMs, 2 ** 31 - 1)),
    );
    this.expiryTimer.unref();
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.markClosed();
    this.ws.close(code, reason);
  }

  drop(reason: DropReason): void {
    if (this.closed) return;
    this.markClosed();
    this.ws.terminate();
    this.onDrop(this, reason);
  }

  /** The socket is gone, whoever closed it. */
  markClosed(): void {
    this.closed = true;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
  }
}
