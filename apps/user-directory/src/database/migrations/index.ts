import { MigrationInterface } from 'typeorm';
import {
  deadLetterStatusMigration,
  deadLetterTableMigration,
  messagingTablesMigration,
} from '@idfed/messaging';
import { rateLimitTableMigration } from '@idfed/service-runtime';
import { USER_DIRECTORY_SCHEMA } from '../schema';
import { UserDirectoryTables1764115200001 } from './1764115200001-UserDirectoryTables';
import { SrpVerifiers1764115200002 } from './1764115200002-SrpVerifiers';
import { SessionRevocation1764115200003 } from './1764115200003-SessionRevocation';
import { TemporaryPasswords1764115200004 } from './1764115200004-TemporaryPasswords';
import { UserPoolGroups1764115200005 } from './1764115200005-UserPoolGroups';
import { AttemptCounters1764115200020 } from './1764115200020-AttemptCounters';
import { secretsAtRestMigration } from './1764115200021-SecretsAtRest';
import { AttemptReservations1764115200040 } from './1764115200040-AttemptReservations';
import { UserMfa1764115200070 } from './1764115200070-UserMfa';
import { UserPoolDomains1764115200100 } from './1764115200100-UserPoolDomains';
import { OAuthServer1764115200110 } from './1764115200110-OAuthServer';
import { IdentityProviders1764115200200 } from './1764115200200-IdentityProviders';
import { ResourceServers1764115200201 } from './1764115200201-ResourceServers';
import { UiCustomizations1764115200202 } from './1764115200202-UiCustomizations';
import { FederatedIdentities1764115200203 } from './1764115200203-FederatedIdentities';
import { MfaCodes1764115200300 } from './1764115200300-MfaCodes';
import { FederationStates1764115200400 } from './1764115200400-FederationStates';
import { SamlSignIn1764115200500 } from './1764115200500-SamlSignIn';
import { Devices1764115200700 } from './1764115200700-Devices';
import { WebAuthnCredentials1764115201300 } from './1764115201300-WebAuthnCredentials';
import { SignInAliases1764115201800 } from './1764115201800-SignInAliases';
import { PendingAttributes1764115201801 } from './1764115201801-PendingAttributes';
import { UserImportJobs1764115201900 } from './1764115201900-UserImportJobs';
import { CustomDomains1764115202200 } from './1764115202200-CustomDomains';
import { PasswordHistory1764115202600 } from './1764115202600-PasswordHistory';
import { SamlSigningKeys1764115202700 } from './1764115202700-SamlSigningKeys';
import { PrefixAndCustomDomainPerPool1764115202800 } from './1764115202800-PrefixAndCustomDomainPerPool';
import { StreamedUserImports1764115202900 } from './1764115202900-StreamedUserImports';
import { ClientSecretRotation1764115203100 } from './1764115203100-ClientSecretRotation';
import { RefreshTokenRotation1764115203200 } from './1764115203200-RefreshTokenRotation';
import { SamlSingleLogout1764115203300 } from './1764115203300-SamlSingleLogout';
import { UserSessionTracking1764115203400 } from './1764115203400-UserSessionTracking';
import { ManagedLoginBrandingAndTerms1764115203600 } from './1764115203600-ManagedLoginBrandingAndTerms';
import { ThreatProtection1764115203700 } from './1764115203700-ThreatProtection';

/** In the order they apply; some need the key-encryption key, to seal what they migrate. */
export function userDirectoryMigrations(keyEncryptionKey: Buffer): (new () => MigrationInterface)[] {
  return [
    messagingTablesMigration(USER_DIRECTORY_SCHEMA),
    UserDirectoryTables1764115200001,
    SrpVerifiers1764115200002,
    SessionRevocation1764115200003,
    TemporaryPasswords1764115200004,
    UserPoolGroups1764115200005,
    AttemptCounters1764115200020,
    secretsAtRestMigration(keyEncryptionKey),
    rateLimitTableMigration(USER_DIRECTORY_SCHEMA, 1764115200030),
    AttemptReservations1764115200040,
    deadLetterTableMigration(USER_DIRECTORY_SCHEMA, 1764115200050),
    deadLetterStatusMigration(USER_DIRECTORY_SCHEMA, 1764115200060),
    UserMfa1764115200070,
    UserPoolDomains1764115200100,
    OAuthServer1764115200110,
    IdentityProviders1764115200200,
    ResourceServers1764115200201,
    UiCustomizations1764115200202,
    FederatedIdentities1764115200203,
    MfaCodes1764115200300,
    FederationStates1764115200400,
    SamlSignIn1764115200500,
    Devices1764115200700,
    WebAuthnCredentials1764115201300,
    SignInAliases1764115201800,
    PendingAttributes1764115201801,
    UserImportJobs1764115201900,
    CustomDomains1764115202200,
    PasswordHistory1764115202600,
    SamlSigningKeys1764115202700,
    PrefixAndCustomDomainPerPool1764115202800,
    StreamedUserImports1764115202900,
    ClientSecretRotation1764115203100,
    RefreshTokenRotation1764115203200,
    SamlSingleLogout1764115203300,
    UserSessionTracking1764115203400,
    ManagedLoginBrandingAndTerms1764115203600,
    ThreatProtection1764115203700,
  ];
}
