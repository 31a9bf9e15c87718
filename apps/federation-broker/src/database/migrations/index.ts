import {
  deadLetterStatusMigration,
  deadLetterTableMigration,
  messagingTablesMigration,
} from '@idfed/messaging';
import { rateLimitTableMigration } from '@idfed/service-runtime';
import { FEDERATION_BROKER_SCHEMA } from '../schema';
import { FederationBrokerTables1764115200101 } from './1764115200101-FederationBrokerTables';
import { RevokedSessions1764115200102 } from './1764115200102-RevokedSessions';
import { PrincipalTagMaps1764115200400 } from './1764115200400-PrincipalTagMaps';

/** In the order they apply. */
export const federationBrokerMigrations = [
  messagingTablesMigration(FEDERATION_BROKER_SCHEMA),
  FederationBrokerTables1764115200101,
  RevokedSessions1764115200102,
  rateLimitTableMigration(FEDERATION_BROKER_SCHEMA, 1764115200120),
  deadLetterTableMigration(FEDERATION_BROKER_SCHEMA, 1764115200130),
  deadLetterStatusMigration(FEDERATION_BROKER_SCHEMA, 1764115200140),
  PrincipalTagMaps1764115200400,
];
