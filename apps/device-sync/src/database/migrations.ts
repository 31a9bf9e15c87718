import { deadLetterTableMigration, messagingTablesMigration } from '@idfed/messaging';
import { DEVICE_SYNC_SCHEMA } from './schema';

/** In the order they apply. Datasets and records arrive with device sync's own issue. */
export const deviceSyncMigrations = [
  messagingTablesMigration(DEVICE_SYNC_SCHEMA),
  deadLetterTableMigration(DEVICE_SYNC_SCHEMA, 1764115200040),
];
