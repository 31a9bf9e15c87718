/** The four services that own state. The gateways own nothing durable and are not listed. */
export const SERVICE_NAMES = [
  'user-directory',
  'federation-broker',
  'credential-vending',
  'device-sync',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/**
 * Every service consumes its commands from one topic, keyed by the aggregate the command touches
 * (a user pool id, an identity id), so commands on one aggregate stay in partition order.
 */
export function commandTopic(service: ServiceName): string {
  return `${service}.commands.v1`;
}

/** Replies to every requesting app go to one topic; a requester reads only the partitions it was assigned. */
export const REPLY_TOPIC = 'idfed.replies.v1';
