/** Device sync's own Postgres schema; no other service reads it. */
export const DEVICE_SYNC_SCHEMA = 'device_sync';
