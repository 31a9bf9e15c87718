import { CredentialVendingOperations } from '../credential-vending/commands';
import { DeviceSocketConnect, DeviceSyncOperations } from '../device-sync/commands';
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

/**
 * What a service may be asked to audit as refused at a gateway (ADR 0075, 0090): the operations it
 * serves to clients, and the gateway-only sign-ins it owns (the device gateway's sockets).
 */
export function refusableOperationsOf(service: ServiceName): AnyOperation[] {
  return [...operationsOf(service), DeviceSocketConnect as AnyOperation].filter(
    (op) => op.service === service && op.access !== 'internal',
  );
}

const BY_PATTERN = new Map(OPERATION_CATALOG.map((op) => [op.pattern, op]));

export function operationByPattern(pattern: string): AnyOperation | undefined {
  return BY_PATTERN.get(pattern);
}
