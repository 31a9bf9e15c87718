import { Socket, connect } from 'node:net';

/**
 * Two requests of the Kafka protocol that kafkajs does not let a caller make: find a group's
 * coordinator, and tell it that a given member left. idfed uses them to remove the member a
 * crashed kafkajs consumer left behind (see forgetCrashedMembers). Plaintext connections only, as
 * idfed's Kafka transport has no TLS or SASL options.
 */

const FIND_COORDINATOR = { key: 10, version: 1 };
const LEAVE_GROUP = { key: 13, version: 1 };

/** Kafka error codes this client tells apart (the protocol's own numbers). */
export const KafkaErrorCode = {
  none: 0,
  coordinatorLoadInProgress: 14,
  coordinatorNotAvailable: 15,
  notCoordinator: 16,
  unknownMemberId: 25,
} as const;

export class KafkaRequestError extends Error {
  constructor(
    readonly code: number,
    what: string,
  ) {
    super(`${what} failed with Kafka error code ${code}`);
  }
}

function string(value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  const length = Buffer.alloc(2);
  length.writeInt16BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** Request header v1 (api key, version, correlation id, client id) and the size prefix. */
export function encodeRequest(
  api: { key: number; version: number },
  correlationId: number,
  clientId: string,
  body: Buffer,
): Buffer {
  const header = Buffer.alloc(8);
  header.writeInt16BE(api.key, 0);
  header.writeInt16BE(api.version, 2);
  header.writeInt32BE(correlationId, 4);
  const payload = Buffer.concat([header, string(clientId), body]);
  const size = Buffer.alloc(4);
  size.writeInt32BE(payload.length);
  return Buffer.concat([size, payload]);
}

/** One request on a fresh connection; resolves with the response body (after the correlation id). */
function roundTrip(host: string, port: number, request: Buffer, timeoutMs: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const socket: Socket = connect({ host, port });
    let received = Buffer.alloc(0);
    const done = (err?: Error, body?: Buffer) => {
      socket.destroy();
      if (err) reject(err);
      else resolve(body!);
    };
    socket.setTimeout(timeoutMs, () =>
      done(new Error(`no answer from ${host}:${port} within ${timeoutMs} ms`)),
    );
    socket.on('error', (err) => done(err));
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4) return;
      const size = received.readInt32BE(0);
      if (received.length >= 4 + size) done(undefined, received.subarray(8, 4 + size));
    });
    socket.on('close', () => done(new Error(`${host}:${port} closed the connection`)));
  });
}

export function parseBroker(address: string): { host: string; port: number } {
  const at = address.lastIndexOf(':');
  return { host: address.slice(0, at).replace(/^\[|\]$/g, ''), port: Number(address.slice(at + 1)) };
}

/** FindCoordinator v1 for a consumer group: the broker to send the group's requests to. */
export async function findGroupCoordinator(
  bootstrap: { host: string; port: number },
  clientId: string,
  groupId: string,
  timeoutMs: number,
): Promise<{ host: string; port: number }> {
  const body = Buffer.concat([string(groupId), Buffer.from([0])]); // key type 0: a group
  const response = await roundTrip(
    bootstrap.host,
    bootstrap.port,
    encodeRequest(FIND_COORDINATOR, 1, clientId, body),
    timeoutMs,
  );
  // throttle_time_ms INT32, error_code INT16, error_message NULLABLE_STRING, node_id, host, port
  const code = response.readInt16BE(4);
  if (code !== KafkaErrorCode.none) throw new KafkaRequestError(code, 'FindCoordinator');
  let offset = 6;
  const messageLength = response.readInt16BE(offset);
  offset += 2 + Math.max(0, messageLength) + 4; // the message, then node_id
  const hostLength = response.readInt16BE(offset);
  const host = response.toString('utf8', offset + 2, offset + 2 + hostLength);
  const port = response.readInt32BE(offset + 2 + hostLength);
  return { host, port };
}

/** LeaveGroup v1: the coordinator removes `memberId` from `groupId` at once. */
export async function leaveGroup(
  coordinator: { host: string; port: number },
  clientId: string,
  groupId: string,
  memberId: string,
  timeoutMs: number,
): Promise<void> {
  const response = await roundTrip(
    coordinator.host,
    coordinator.port,
    encodeRequest(LEAVE_GROUP, 2, clientId, Buffer.concat([string(groupId), string(memberId)])),
    timeoutMs,
  );
  const code = response.readInt16BE(4); // after throttle_time_ms
  if (code !== KafkaErrorCode.none) throw new KafkaRequestError(code, 'LeaveGroup');
}
