import {
  deadLetterStatusMigration,
  deadLetterTableMigration,
  messagingTablesMigration,
} from '@idfed/messaging';
import { rateLimitTableMigration } from '@idfed/service-runtime';
import { DatasetsAndRecords1764115200401 } from './migrations/1764115200401-DatasetsAndRecords';
import { PoolConfigurations1764115200402 } from './migrations/1764115200402-PoolConfigurations';
import { DevicesAndSubscriptions1764115200403 } from './migrations/1764115200403-DevicesAndSubscriptions';
import { PushDeliveries1764115200404 } from './migrations/1764115200404-PushDeliveries';
import { CognitoEvents1764115200420 } from './migrations/1764115200420-CognitoEvents';
import { BulkPublishes1764115200421 } from './migrations/1764115200421-BulkPublishes';
import { SyncSessionIndexes1764115200422 } from './migrations/1764115200422-SyncSessionIndexes';
import { DEVICE_SYNC_SCHEMA } from './schema';

/** In the order they apply. */
export const deviceSyncMigrations = [
  messagingTablesMigration(DEVICE_SYNC_SCHEMA),
  deadLetterTableMigration(DEVICE_SYNC_SCHEMA, 1764115200040),
  deadLetterStatusMigration(DEVICE_SYNC_SCHEMA, 1764115200050),
  rateLimitTableMigration(DEVICE_SYNC_SCHEMA, 1764115200400),
  DatasetsAndRecords1764115200401,
  PoolConfigurations1764115200402,
  DevicesAndSubscriptions1764115200403,
  PushDeliveries1764115200404,
  CognitoEvents1764115200420,
  BulkPublishes1764115200421,
  SyncSessionIndexes1764115200422,
];
