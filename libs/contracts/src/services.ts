/** The four services that own state. The gateways own nothing durable and are not listed. */
export const SERVICE_NAMES = [
  'user-directory',
  'federation-broker',
  'credential-vending',
  'device-sync',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/**
 * Every service consumes its commands from one topic. Commands carry no key, so they go round the
 * partitions and every replica of the service shares the load, one pool's included (ADR 0008).
 * Commands are handled concurrently (a slow sign-in must not hold up its partition), so order
 * between commands comes from callers waiting for each reply; state changes rely on database
 * transactions, not on order.
 */
export function commandTopic(service: ServiceName): string {
  return `${service}.commands.v1`;
}

/**
 * Where a service puts the events it consumed but could not handle: the original message (key,
 * value, headers) plus headers saying why, from where and after how many tries (ADR 0012).
 */
export function deadLetterTopic(service: ServiceName): string {
  return `${service}.dead-letter.v1`;
}

/**
 * Where an app's replies come back: one topic per requesting app (its replicas share it and each
 * reads only the partitions it was assigned), so no app fetches and decodes another's replies.
 */
export function replyTopic(replyGroup: string): string {
  return `${replyGroup}.v1`;
}

/** Every gateway replica reads replies in this consumer group, each from the partitions it was assigned. */
export const GATEWAY_REPLY_GROUP = 'idfed.gateway.replies';

/** Device gateway replicas read their replies (revocations, role policies) in this group, like the gateway's. */
export const DEVICE_GATEWAY_REPLY_GROUP = 'idfed.device-gateway.replies';

/**
 * Device gateway replicas each read device sync's events in a group of their own under this prefix
 * (`<prefix>.<random id>`): every replica must see every event, since the socket to tell may be on
 * any of them.
 */
export const DEVICE_GATEWAY_EVENTS_GROUP = 'idfed.device-gateway.events';

/** gRPC gateway replicas read their replies (JWKS, revocations, role policies, operations) in this group. */
export const GRPC_GATEWAY_REPLY_GROUP = 'idfed.grpc-gateway.replies';

/**
 * gRPC gateway replicas each read the account events (user directory, federation broker, device
 * sync) in a group of their own under this prefix: each keeps its own token-state cache and
 * streams, so every replica must see every event.
 */
export const GRPC_GATEWAY_EVENTS_GROUP = 'idfed.grpc-gateway.events';

/**
 * User-directory replicas each read the app-client and pool-settings events in a group of their own
 * under this prefix: each keeps its own cache of app clients (ClientsService), so every replica
 * must see every change (ADR 0064).
 */
export const USER_DIRECTORY_CACHE_GROUP = 'idfed.user-directory.cache';
