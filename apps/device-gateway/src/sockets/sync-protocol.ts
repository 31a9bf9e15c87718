import { DatasetChangedEvent } from '@idfed/contracts';

/** Every dataset of the identity. */
export const ALL_DATASETS = '*';
const DATASET_NAME = /^[a-zA-Z0-9_.:-]{1,128}$/;

/** What a client may send, once parsed. */
export type ClientMessage = { action: 'subscribe' | 'unsubscribe'; datasetName: string } | { action: 'ping' };

/** What the server sends. */
export type ServerMessage =
  | { type: 'subscribed' | 'unsubscribed'; datasetName: string }
  | { type: 'pong' }
  | { type: 'error'; message: string }
  | SyncTrigger;

/** Cognito's push payload (the keys of its GCM/APNs SyncTrigger message). */
export interface SyncTrigger {
  source: 'cognito-sync';
  type: 'SyncTrigger';
  identityPoolId: string;
  identityId: string;
  datasetName: string;
  syncCount: number;
}

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/**
 * Reads one client frame. Anything but a JSON object with a known action and a valid dataset name
 * is a ProtocolError, which the socket answers with `{"type":"error"}` and stays open.
 */
export function parseClientMessage(data: string): ClientMessage {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    throw new ProtocolError('Messages must be JSON objects, e.g. {"action":"subscribe","datasetName":"*"}.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProtocolError('Messages must be JSON objects, e.g. {"action":"subscribe","datasetName":"*"}.');
  }
  const { action, datasetName } = value as Record<string, unknown>;
  switch (action) {
    case 'ping':
      return { action };
    case 'subscribe':
    case 'unsubscribe':
      if (
        typeof datasetName !== 'string' ||
        !(datasetName === ALL_DATASETS || DATASET_NAME.test(datasetName))
      ) {
        throw new ProtocolError(
          `datasetName must be "*" or 1 to 128 characters of a-z, A-Z, 0-9, _ . : and -.`,
        );
      }
      return { action, datasetName };
    default:
      throw new ProtocolError(
        `Unknown action ${JSON.stringify(String(action)).slice(0, 80)}: use subscribe, unsubscribe or ping.`,
      );
  }
}

/** The SyncTrigger for a dataset change: record keys and values never travel here. */
export function syncTriggerOf(event: DatasetChangedEvent): SyncTrigger {
  return {
    source: 'cognito-sync',
    type: 'SyncTrigger',
    identityPoolId: event.identityPoolId,
    identityId: event.identityId,
    datasetName: event.datasetName,
    syncCount: event.syncCount,
  };
}
