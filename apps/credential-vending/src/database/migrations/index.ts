import {
  deadLetterStatusMigration,
  deadLetterTableMigration,
  messagingTablesMigration,
} from '@idfed/messaging';
import { rateLimitTableMigration } from '@idfed/service-runtime';
import { CREDENTIAL_VENDING_SCHEMA } from '../schema';
import { CredentialVendingTables1764201600001 } from './1764201600001-CredentialVendingTables';
import { PolicyVersionNumbers1764201600050 } from './1764201600050-PolicyVersionNumbers';
import { IamUsersAndAccessKeys1764201600100 } from './1764201600100-IamUsersAndAccessKeys';
import { SamlProviders1764201600400 } from './1764201600400-SamlProviders';
import { SamlAssertionConsumer1764201600401 } from './1764201600401-SamlAssertionConsumer';
import { IamGroups1764201600500 } from './1764201600500-IamGroups';
import { GrpcCallIds1764201600800 } from './1764201600800-GrpcCallIds';
import { SamlProviderEncryption1764201601100 } from './1764201601100-SamlProviderEncryption';
import { IamVirtualMfaDevices1764201601200 } from './1764201601200-IamVirtualMfaDevices';
import { RolePermissionsBoundaries1764201601300 } from './1764201601300-RolePermissionsBoundaries';
import { AccountRoot1764201601400 } from './1764201601400-AccountRoot';
import { IamAccountSettingsAndLogins1764201601500 } from './1764201601500-IamAccountSettingsAndLogins';
import { IamInstanceProfiles1764201601600 } from './1764201601600-IamInstanceProfiles';
import { IamCertificates1764201601700 } from './1764201601700-IamCertificates';
import { OutboundWebIdentityFederation1764201601800 } from './1764201601800-OutboundWebIdentityFederation';
import { IamCredentialReports1764201602000 } from './1764201602000-IamCredentialReports';

/** In the order they apply. */
export const credentialVendingMigrations = [
  messagingTablesMigration(CREDENTIAL_VENDING_SCHEMA),
  CredentialVendingTables1764201600001,
  rateLimitTableMigration(CREDENTIAL_VENDING_SCHEMA, 1764201600020),
  deadLetterTableMigration(CREDENTIAL_VENDING_SCHEMA, 1764201600030),
  deadLetterStatusMigration(CREDENTIAL_VENDING_SCHEMA, 1764201600040),
  PolicyVersionNumbers1764201600050,
  IamUsersAndAccessKeys1764201600100,
  SamlProviders1764201600400,
  SamlAssertionConsumer1764201600401,
  IamGroups1764201600500,
  GrpcCallIds1764201600800,
  SamlProviderEncryption1764201601100,
  IamVirtualMfaDevices1764201601200,
  RolePermissionsBoundaries1764201601300,
  AccountRoot1764201601400,
  IamAccountSettingsAndLogins1764201601500,
  IamInstanceProfiles1764201601600,
  IamCertificates1764201601700,
  OutboundWebIdentityFederation1764201601800,
  IamCredentialReports1764201602000,
];
