import { ServiceName } from '@idfed/contracts';
import { MigrationInterface } from 'typeorm';
import { credentialVendingMigrations } from '../../../credential-vending/src/database/migrations';
import { CREDENTIAL_VENDING_SCHEMA } from '../../../credential-vending/src/database/schema';
import { deviceSyncMigrations } from '../../../device-sync/src/database/migrations';
import { DEVICE_SYNC_SCHEMA } from '../../../device-sync/src/database/schema';
import { federationBrokerMigrations } from '../../../federation-broker/src/database/migrations';
import { FEDERATION_BROKER_SCHEMA } from '../../../federation-broker/src/database/schema';
import { userDirectoryMigrations } from '../../../user-directory/src/database/migrations';
import { USER_DIRECTORY_SCHEMA } from '../../../user-directory/src/database/schema';

export interface ServiceSchema {
  service: ServiceName;
  schema: string;
  migrations: (new () => MigrationInterface)[];
}

/**
 * Every service's schema and migrations, in the order they apply: what `npm run migrate` applies
 * (services also do it at start), and what docs/architecture.md's schema tables are checked against.
 */
export function serviceSchemas(keyEncryptionKey: Buffer): ServiceSchema[] {
  return [
    {
      service: 'user-directory',
      schema: USER_DIRECTORY_SCHEMA,
      migrations: userDirectoryMigrations(keyEncryptionKey),
    },
    {
      service: 'federation-broker',
      schema: FEDERATION_BROKER_SCHEMA,
      migrations: federationBrokerMigrations,
    },
    {
      service: 'credential-vending',
      schema: CREDENTIAL_VENDING_SCHEMA,
      migrations: credentialVendingMigrations,
    },
    { service: 'device-sync', schema: DEVICE_SYNC_SCHEMA, migrations: deviceSyncMigrations },
  ];
}
