import type { AwsApi } from '@idfed/aws-protocol';
import { CommandContract, COGNITO_IDENTITY_OPERATIONS, COGNITO_USER_POOL_OPERATIONS } from '@idfed/contracts';

/** One JSON operation the gateway forwards: the bus command, and whether the admin key must sign it. */
export interface JsonOperation {
  command: CommandContract<unknown, unknown>;
  signed: boolean;
  /** SigV4 service name in the credential scope of signed requests. */
  signingName: string;
  /** The AWS API whose published shapes the request is validated against. */
  api: AwsApi;
}

interface ServiceTable {
  signingName: AwsApi;
  operations: Readonly<Record<string, { command: CommandContract<unknown, unknown>; signed: boolean }>>;
}

/** X-Amz-Target service prefix -> its operations. */
const JSON_SERVICES: Readonly<Record<string, ServiceTable>> = {
  AWSCognitoIdentityProviderService: { signingName: 'cognito-idp', operations: COGNITO_USER_POOL_OPERATIONS },
  AWSCognitoIdentityService: { signingName: 'cognito-identity', operations: COGNITO_IDENTITY_OPERATIONS },
};

/** Undefined for an unknown prefix or operation (own keys only: `constructor` is not an operation). */
export function findJsonOperation(servicePrefix: string, operation: string): JsonOperation | undefined {
  const service = Object.hasOwn(JSON_SERVICES, servicePrefix) ? JSON_SERVICES[servicePrefix] : undefined;
  if (!service || !Object.hasOwn(service.operations, operation)) return undefined;
  const { command, signed } = service.operations[operation];
  return { command, signed, signingName: service.signingName, api: service.signingName };
}
