/** Cognito Sync's limits and idfed's session lifetime, injected by token (DEVICE_SYNC_CONFIG). */
export interface DeviceSyncConfig {
  /** How long a SyncSessionToken from ListRecords stays good for UpdateRecords. */
  syncSessionTtlMs: number;
  /** Live datasets per identity (Cognito: 20). */
  maxDatasetsPerIdentity: number;
  /** Live records per dataset (Cognito: 1024). */
  maxRecordsPerDataset: number;
  /** Bytes of keys and values per dataset (Cognito: 1 MB). */
  maxDatasetBytes: number;
  /** Devices kept per identity: registering one more drops the least recently registered. */
  maxDevicesPerIdentity: number;
  /** Datasets one device may be subscribed to. */
  maxSubscriptionsPerDevice: number;
}

export const DEVICE_SYNC_CONFIG = Symbol('DEVICE_SYNC_CONFIG');

export const COGNITO_SYNC_LIMITS: DeviceSyncConfig = {
  // Long enough for a device to list, merge and push a dataset; short enough that a leaked token
  // is soon worthless. AWS documents no figure.
  syncSessionTtlMs: 15 * 60_000,
  maxDatasetsPerIdentity: 20,
  maxRecordsPerDataset: 1024,
  maxDatasetBytes: 1024 * 1024,
  // AWS documents no figures; these bound what one identity's credentials can store.
  maxDevicesPerIdentity: 64,
  maxSubscriptionsPerDevice: 128,
};

/** The clock use cases read, so tests can move time (session expiry) without sleeping. */
export class SyncClock {
  now(): Date {
    return new Date();
  }
}
