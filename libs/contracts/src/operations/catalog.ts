import { CredentialVendingOperations } from '../credential-vending/commands';
import { DeviceSyncOperations } from '../device-sync/commands';
import { WebIdentityOperations } from '../credential-vending/web-identity.commands';
import { FederationBrokerOperations } from '../federation-broker/commands';
import { AuditCommands } from '../audit';
import { HealthCommands } from '../health';
import { ServiceName } from '../services';
import { UserDirectoryOperations } from '../user-directory/commands';
import { AnyOperation } from './operation';

/**
 * Every operation of every service, in one list: the gateway routes from it, each service's
 * dispatcher checks its registry against it, and the rate limits, docs and fuzz suite read it.
 */
export const OPERATION_CATALOG: readonly AnyOperation[] = [
  ...Object.values(UserDirectoryOperations),
  ...Object.values(FederationBrokerOperations),
  ...Object.values(CredentialVendingOperations),
  ...Object.values(WebIdentityOperations),
  ...Object.values(DeviceSyncOperations),
  ...Object.values(HealthCommands),
  ...Object.values(AuditCommands),
];

export function operationsOf(service: ServiceName): AnyOperation[] {
  return OPERATION_CATALOG.filter((op) => op.service === service);
}

const BY_PATTERN = new Map(OPERATION_CATALOG.map((op) => [op.pattern, op]));

export function operationByPattern(pattern: string): AnyOperation | undefined {
  return BY_PATTERN.get(pattern);
}
