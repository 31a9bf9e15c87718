/**
 * The last `capacity` event ids seen, in arrival order: a redelivered event (the outbox relays a
 * batch again after a crash, Kafka redelivers after a rebalance) is recognised as long as fewer
 * than `capacity` others came since.
 */
export class RecentEventIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 16_384) {}

  /** True the first time an id is seen; false for a repeat. */
  firstSighting(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value as string);
    return true;
  }
}
