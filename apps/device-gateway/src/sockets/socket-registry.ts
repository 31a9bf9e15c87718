import { Injectable } from '@nestjs/common';
import { DatasetChangedEvent, DeviceSubscriptionChangedEvent } from '@idfed/contracts';
import { websocketConnections } from '@idfed/observability';
import { DeviceConnection } from './device-connection';
import { syncTriggerOf } from './sync-protocol';

/** The open sockets of this process, by identity. */
@Injectable()
export class SocketRegistry {
  private readonly byIdentity = new Map<string, Set<DeviceConnection>>();
  private total = 0;

  add(connection: DeviceConnection): void {
    const id = connection.identity.identityId;
    const set = this.byIdentity.get(id) ?? new Set<DeviceConnection>();
    if (!set.has(connection)) {
      this.total++;
      websocketConnections.inc();
    }
    set.add(connection);
    this.byIdentity.set(id, set);
  }

  remove(connection: DeviceConnection): void {
    const id = connection.identity.identityId;
    const set = this.byIdentity.get(id);
    if (!set?.delete(connection)) return;
    this.total--;
    websocketConnections.dec();
    if (set.size === 0) this.byIdentity.delete(id);
  }

  get size(): number {
    return this.total;
  }

  *all(): IterableIterator<DeviceConnection> {
    for (const set of this.byIdentity.values()) yield* set;
  }

  /**
   * Tells the identity's sockets subscribed to the dataset (or to `*`), except the device that made
   * the change when it named itself on both sides. Returns how many frames were queued.
   */
  push(event: DatasetChangedEvent): number {
    const set = this.byIdentity.get(event.identityId);
    if (!set) return 0;
    const trigger = syncTriggerOf(event);
    let sent = 0;
    for (const connection of [...set]) {
      if (connection.identity.identityPoolId !== event.identityPoolId) continue;
      if (event.deviceId !== undefined && connection.deviceId === event.deviceId) continue;
      if (!connection.follows(event.datasetName)) continue;
      if (connection.send(trigger)) sent++;
    }
    return sent;
  }

  /** Applies a registered device's subscription change to its open sockets; how many it touched. */
  applyDeviceSubscription(event: DeviceSubscriptionChangedEvent): number {
    let touched = 0;
    for (const connection of this.byIdentity.get(event.identityId) ?? []) {
      if (connection.identity.identityPoolId !== event.identityPoolId) continue;
      if (connection.deviceId !== event.deviceId) continue;
      if (event.subscribed) connection.deviceSubscriptions.add(event.datasetName);
      else connection.deviceSubscriptions.delete(event.datasetName);
      touched++;
    }
    return touched;
  }
}
